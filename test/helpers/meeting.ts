import { expect } from 'vitest';
import { runKernekit } from './cli.js';
import { tempDir } from './files.js';

/** The meeting the meeting issue's "done when" names: exercises 1 and 3, a 10-minute break, 23 people in 4 groups from 09:00. */
export const DONE_WHEN_MEETING = ['--exercises', '1,3', '--break', '10', '--participants', '23', '--groups', '4', '--start', '09:00'];

/** Builds that meeting's `only` documents in Danish into a new folder, and returns the folder. */
export async function buildDoneWhenMeeting(only: string, extra: string[] = []): Promise<string> {
  const out = tempDir('meeting');
  const run = await runKernekit(['build', ...DONE_WHEN_MEETING, ...extra, '--lang', 'da', '--only', only, '--out', out], { limitMs: 240_000 });
  expect(run.code, run.err).toBe(0);
  return out;
}
