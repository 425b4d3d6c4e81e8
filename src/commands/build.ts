import { relative } from 'node:path';
import { reportError, type Io } from '../cli.js';
import { build } from '../publish/build.js';
import { buildRequest, type RawBuildArgs } from './build-options.js';

export async function runBuild(args: RawBuildArgs & { strict?: boolean }, io: Io): Promise<number> {
  try {
    const started = performance.now();
    const { files, fallbacks } = await build({ ...buildRequest(args), strict: args.strict === true });
    for (const [language, keys] of fallbacks) {
      io.err(`warning: ${language}: ${keys.length} key${keys.length === 1 ? '' : 's'} not translated, printed in Danish: ${keys.join(', ')}`);
    }
    for (const f of files) {
      io.out(`${f.language}  ${relative(process.cwd(), f.path) || f.path}  ${f.pages} pages  ${formatBytes(f.bytes)}`);
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    io.out(`Built ${files.length} file${files.length === 1 ? '' : 's'} in ${seconds} s.`);
    return 0;
  } catch (err) {
    return reportError(err, io);
  }
}

export function formatBytes(n: number): string {
  return n < 1024 * 1024 ? `${Math.round(n / 1024)} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`;
}
