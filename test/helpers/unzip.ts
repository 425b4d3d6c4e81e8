import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// kernekit writes its zips with its own code (src/writers/zip.ts); tests read them with
// readers that share none of it: Python's zipfile, and Info-ZIP's unzip as a user would
// (.ci/run installs it).

const READ = `
import base64, json, sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as z:
    bad = z.testzip()
    if bad: sys.exit('damaged entry: ' + bad)
    json.dump([[i.filename, base64.b64encode(z.read(i)).decode()] for i in z.infolist()], sys.stdout)
`;

/** A zip's entries in their order, as Python's zipfile reads them, every CRC checked; and Info-ZIP's unzip must test it clean too. */
export function unzip(data: Buffer): Map<string, Buffer> {
  const dir = mkdtempSync(join(tmpdir(), 'kernekit-unzip-'));
  try {
    const file = join(dir, 'test.zip');
    writeFileSync(file, data);
    execFileSync('unzip', ['-tqq', file], { timeout: 30_000 });
    const entries = JSON.parse(execFileSync('/usr/bin/python3', ['-c', READ, file], { timeout: 30_000, maxBuffer: 1 << 28 }).toString('utf8')) as Array<[string, string]>;
    return new Map(entries.map(([name, body]) => [name, Buffer.from(body, 'base64')]));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
