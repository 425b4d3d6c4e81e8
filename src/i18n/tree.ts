/** Translation files are nested JSON; tools and checks want `dotted.key` → text. */
export function flatten(tree: Record<string, unknown>, prefix = ''): Array<[string, string]> {
  return Object.entries(tree).flatMap(([k, v]) => {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') return [[key, v] as [string, string]];
    if (v && typeof v === 'object') return flatten(v as Record<string, unknown>, key);
    return [];
  });
}
