/** The config file a build looks for in the current folder when --config is not given. */
export const CONFIG_FILE = 'kernekit.config.yaml';
