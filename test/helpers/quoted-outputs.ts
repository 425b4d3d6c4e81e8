import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A fenced block of the docs that quotes what kernekit prints, marked by the comment before it:
 *
 *     <!-- output in clone -->                    the whole output of each command
 *     <!-- output in clone, excerpt -->           a run of lines somewhere in the output
 *     <!-- output in kit, then EVENT -->          a command that runs until EVENT has happened
 *
 * Inside the block, a line `$ npx kernekit …` (or `$ grep …`) is a command, run as written in a shell; the
 * lines up to the next command are what it prints (standard output and error, as a terminal
 * shows them). `in` names a prepared folder (see docs-output.test.ts).
 */
export interface QuotedOutput {
  /** `file:line` of the block's opening fence, for the failure message. */
  where: string;
  setup: string;
  excerpt: boolean;
  event?: string;
  runs: Array<{ command: string; output: string[] }>;
}

const MARKER = /^\s*<!-- output in ([^,>]+?)(?:, (excerpt))?(?:, then ([^>]+?))? -->\s*$/;
const FENCE = /^\s*```/;
/** A kernekit command shown with its output: such a block must be marked. */
const KERNEKIT_COMMAND = /^\s*\$ npx kernekit\b/;
/** Any command in a marked block (a quote may also show a file kernekit wrote, with cat or grep). */
const COMMAND = /^\s*\$ (.+)$/;

/** The Markdown files a user reads: README.md and docs/ (not docs/notes/, which are drafts). */
export function docFiles(root: string): string[] {
  const docs = join(root, 'docs');
  return [join(root, 'README.md'), ...readdirSync(docs).filter((f) => f.endsWith('.md')).map((f) => join(docs, f))];
}

/** Every marked block of one Markdown file, and every unmarked block that shows a kernekit command's output (which is an error). */
export function quotedOutputs(file: string, shownAs: string): { quoted: QuotedOutput[]; unmarked: string[] } {
  const lines = readFileSync(file, 'utf8').split('\n');
  const quoted: QuotedOutput[] = [];
  const unmarked: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!FENCE.test(lines[i])) continue;
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && !FENCE.test(lines[i]); i++) body.push(lines[i]);
    const indent = lines[start].match(/^\s*/)![0].length;
    const block = body.map((l) => l.slice(Math.min(indent, l.match(/^\s*/)![0].length)));
    const marker = lines.slice(0, start).reverse().find((l) => l.trim() !== '')?.match(MARKER);
    const where = `${shownAs}:${start + 1}`;
    if (!marker) {
      if (block.some((l) => KERNEKIT_COMMAND.test(l))) unmarked.push(where);
      continue;
    }
    const runs: QuotedOutput['runs'] = [];
    for (const line of block) {
      const command = line.match(COMMAND)?.[1];
      if (command) runs.push({ command, output: [] });
      else if (runs.length > 0) runs[runs.length - 1].output.push(line);
      else unmarked.push(`${where} (the block must start with a "$ " command line)`);
    }
    quoted.push({ where, setup: marker[1], excerpt: marker[2] === 'excerpt', event: marker[3], runs });
  }
  return { quoted, unmarked };
}
