import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main, type Io } from '../src/cli.js';
import { contentCopy, edit, lineOf, problemsOf } from './helpers/content.js';

const EX1 = 'exercises/1-hvem-definerer.yaml';

describe('broken content is rejected with file, line and what to do', () => {
  it('a YAML syntax error names the file and line', () => {
    const dir = contentCopy();
    edit(dir, 'checklist.yaml', 'title: Et 360-graders-blik på kerneopgaven', 'title: "Et 360-graders-blik på kerneopgaven');
    const [p, ...rest] = problemsOf(dir);
    expect(rest).toEqual([]);
    expect(p!.file).toMatch(/checklist\.yaml$/);
    expect(p!.rule).toBe('yaml-syntax');
    expect(p!.message).toMatch(/YAML syntax error/);
    expect(p!.line).toBeGreaterThanOrEqual(lineOf(dir, 'checklist.yaml', 'title: "Et 360'));
  });

  it('a misspelt field is named, located and given a suggestion', () => {
    const dir = contentCopy();
    edit(dir, EX1, 'followUp:', 'folowUp:');
    const problems = problemsOf(dir);
    const unknown = problems.find((p) => p.rule === 'unknown-field')!;
    expect(unknown.file).toMatch(/1-hvem-definerer\.yaml$/);
    expect(unknown.line).toBe(lineOf(dir, EX1, 'folowUp:'));
    expect(unknown.field).toBe('folowUp');
    expect(unknown.message).toBe('Unknown field "folowUp". Did you mean "followUp"?');
    // The misspelling also leaves the real field missing; that is said too.
    expect(problems.find((p) => p.rule === 'missing-field')!.message).toMatch(/Required field "followUp" is missing/);
  });

  it('a duplicate id points at both places', () => {
    const dir = contentCopy();
    edit(dir, 'checklist.yaml', 'id: me-kompetencer', 'id: tr-bygge-bro');
    const [p, ...rest] = problemsOf(dir);
    expect(rest).toEqual([]);
    expect(p!.rule).toBe('duplicate-id');
    expect(p!.line).toBe(lineOf(dir, 'checklist.yaml', 'id: tr-bygge-bro') + (lineOf(dir, 'checklist.yaml', 'Er der brug for at styrke') - lineOf(dir, 'checklist.yaml', 'id: tr-bygge-bro') - 1));
    expect(p!.field).toBe('actors[2].reflection[2].id');
    expect(p!.message).toMatch(`The id "tr-bygge-bro" is already used at `);
    expect(p!.message).toContain(`checklist.yaml:${lineOf(dir, 'checklist.yaml', 'id: tr-bygge-bro')}`);
  });

  it('an empty question is refused', () => {
    const dir = contentCopy();
    edit(dir, 'checklist.yaml', 'text: Hvem kan du samarbejde med om dette?', 'text: "  "');
    const [p, ...rest] = problemsOf(dir);
    expect(rest).toEqual([]);
    expect(p).toMatchObject({ rule: 'empty-text', field: 'actors[4].reflection[1].text', line: lineOf(dir, 'checklist.yaml', 'text: "  "') });
    expect(p!.message).toMatch(/Text is empty/);
  });

  it('a reference to a missing misunderstanding or actor lists the known ids', () => {
    const dir = contentCopy();
    edit(dir, EX1, 'misunderstanding: abstrakt', 'misunderstanding: abstract');
    edit(dir, 'checklist.yaml', 'centre: dig-selv', 'centre: dig-self');
    const problems = problemsOf(dir);
    expect(problems.map((p) => [p.rule, p.field])).toEqual([
      ['unknown-reference', 'watchFor[1].misunderstanding'],
      ['unknown-reference', 'centre'],
    ]);
    expect(problems[0]!.message).toBe('There is no misunderstanding with the id "abstract". Known ids: abstrakt, fastlagt-oppefra, egen-faggruppe.');
    expect(problems[0]!.line).toBe(lineOf(dir, EX1, 'misunderstanding: abstract'));
    expect(problems[1]!.line).toBe(lineOf(dir, 'checklist.yaml', 'centre: dig-self'));
  });

  it('a wrong type says what was expected and what was found', () => {
    const dir = contentCopy();
    edit(dir, EX1, 'minutes: 20', 'minutes: tyve');
    const [p] = problemsOf(dir);
    expect(p).toMatchObject({ rule: 'wrong-type', field: 'steps[1].minutes', line: lineOf(dir, EX1, 'minutes: tyve') });
    expect(p!.message).toBe('Expected a number, found the text "tyve".');
  });

  it('reports every problem of every file in one run, and the CLI exits non-zero', async () => {
    const dir = contentCopy();
    edit(dir, EX1, 'followUp:', 'folowUp:');
    edit(dir, 'exercises/3-borgerne.yaml', 'minutes: 25', 'minutes: -5');
    edit(dir, 'checklist.yaml', 'text: Hvem kan du samarbejde med om dette?', 'text: ""');
    edit(dir, 'misunderstandings.yaml', 'basis: article', 'basis: artikel');
    const out: string[] = [];
    const err: string[] = [];
    const io: Io = { out: (t) => out.push(t), err: (t) => err.push(t) };
    const code = await main(['validate', '--content', dir], io);
    expect(code).toBe(1);
    expect(out).toEqual([]);
    const text = err.join('\n');
    expect(text).toMatch(/1-hvem-definerer\.yaml:\d+:\d+ folowUp: Unknown field "folowUp"/);
    expect(text).toMatch(/3-borgerne\.yaml:\d+:\d+ steps\[1\]\.minutes: Minutes must be a whole number above 0/);
    expect(text).toMatch(/checklist\.yaml:\d+:\d+ actors\[4\]\.reflection\[1\]\.text: Text is empty/);
    expect(text).toMatch(/misunderstandings\.yaml:\d+:\d+ misunderstandings\[0\]\.basis: "artikel" is not allowed here\. Use one of: article, research-group/);
    expect(text).toMatch(/5 problems found\. Nothing was written\./);
    expect(text).not.toMatch(/at .*\.ts:\d+/);
  });

  it('two ids of one category that give the same card number are caught', () => {
    const dir = contentCopy();
    // These two ids hash to the same three-character tag (found by search).
    edit(dir, 'checklist.yaml', 'id: tr-forskelle-faggrupper', 'id: tr-sporgsmaal-19');
    edit(dir, 'checklist.yaml', 'id: tr-bygge-bro', 'id: tr-sporgsmaal-97');
    const [p, ...rest] = problemsOf(dir);
    expect(rest).toEqual([]);
    expect(p).toMatchObject({ rule: 'duplicate-card-number', field: 'actors[1].reflection[1].id', line: lineOf(dir, 'checklist.yaml', 'id: tr-sporgsmaal-97') });
    expect(p!.message).toMatch(/^The card number "TR-XZ3" is already used at .*checklist\.yaml:\d+\. The card number comes from the id/);
  });

  it('a missing file is named', () => {
    const dir = contentCopy();
    rmSync(join(dir, 'misunderstandings.yaml'));
    const [p] = problemsOf(dir);
    expect(p).toMatchObject({ rule: 'file-unreadable', message: 'File is missing.' });
    expect(p!.file).toMatch(/misunderstandings\.yaml$/);
  });
});

describe('validate on the real content', () => {
  it('prints the one-line summary and exits 0', async () => {
    const out: string[] = [];
    const code = await main(['validate'], { out: (t) => out.push(t), err: (t) => out.push(t) });
    expect(code).toBe(0);
    expect(out).toEqual(['4 exercises, 3 misunderstandings, 7 actors, 32 checklist questions → 48 cards in the deck.']);
  });

  it('rejects an unknown option with a hint instead of a stack trace', async () => {
    const err: string[] = [];
    const code = await main(['validate', '--contnet', 'x'], { out: () => {}, err: (t) => err.push(t) });
    expect(code).toBe(2);
    expect(err.join('\n')).toMatch(/Unknown argument: contnet/);
  });
});
