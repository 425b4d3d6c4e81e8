/**
 * The compiled file of a worker next to `from` (an import.meta.url). When kernekit runs
 * from its TypeScript sources (the tests), workers still start from dist/, because
 * Node cannot run a .ts file in a worker thread.
 */
export function workerUrl(name: string, from: string): URL {
  const here = new URL(from);
  const inSrc = here.pathname.lastIndexOf('/src/');
  const compiled = here.pathname.endsWith('.ts') ? new URL(`${here.pathname.slice(0, inSrc)}/dist/${here.pathname.slice(inSrc + 5)}`, here) : here;
  return new URL(`./${name}.js`, compiled);
}
