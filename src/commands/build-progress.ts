import type { BuiltFile } from '../driver/build.js';

/** A build quicker than this shows no progress line: it would only flicker. */
const SHOW_AFTER_MS = 1000;

/**
 * The build's progress line on a terminal: how many PDFs are done, the last one, how many
 * are left and the time so far. It appears once the build has run for a second and is
 * replaced by each new line; in a pipe there is no `status`, and nothing is shown.
 */
export function buildProgress(status: ((line: string) => void) | undefined, started: number) {
  let total = 0;
  let done = 0;
  let last = '';
  const show = () => {
    const seconds = (performance.now() - started) / 1000;
    if (!status || seconds * 1000 < SHOW_AFTER_MS) return;
    const left = total - done;
    const step = left > 0 ? `${left} left` : 'previews, zips and index.html';
    status(`Building: ${done} of ${total} PDFs done${last ? ` (last: ${last})` : ''}, ${step}… ${seconds.toFixed(1)} s`);
  };
  // Rendering keeps the main thread busy, so the timer can only fire between documents; it still shows the line during a slow start.
  const timer = status ? setInterval(show, 250) : undefined;
  timer?.unref();
  return {
    planned(pdfs: number): void {
      total = pdfs;
      show();
    },
    file(f: BuiltFile): void {
      done++;
      last = f.path;
      show();
    },
    /** Removes the line; call before the summary, also after a failure. */
    end(): void {
      clearInterval(timer);
      status?.('');
    },
  };
}
