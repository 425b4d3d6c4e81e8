import { describe, expect, it } from 'vitest';
import { UsageError } from '../src/content/problems.js';
import { loadKit } from '../src/content/load.js';
import type { Exercise } from '../src/content/model.js';
import { assign, groupSizeList, groupTable } from '../src/plan/groups.js';
import { chain, chosenExercises, meeting, overrun } from '../src/plan/meeting.js';
import { checkTailoring } from '../src/plan/tailoring-check.js';
import { CONTENT, contentCopy, edit, lineOf, problemsOf } from './helpers/content.js';

const kit = loadKit(CONTENT);
const byNumber = (n: number) => kit.exercises.find((e) => e.number === n)!;
const minutesOf = (e: Exercise) => e.steps.reduce((sum, s) => sum + s.minutes, 0);

describe('choosing the exercises', () => {
  it('takes numbers, codes in any case and ids, in the order given', () => {
    expect(chosenExercises(kit.exercises, ['3', '1']).map((e) => e.number)).toEqual([3, 1]);
    expect(chosenExercises(kit.exercises, ['Ø1', 'ø3']).map((e) => e.number)).toEqual([1, 3]);
    expect(chosenExercises(kit.exercises, ['faggrupper']).map((e) => e.number)).toEqual([4]);
  });

  it('takes all of the kit, in its order, when none are named', () => {
    expect(chosenExercises(kit.exercises, undefined).map((e) => e.number)).toEqual([1, 2, 3, 4]);
  });

  it('names the exercises there are when one is unknown', () => {
    expect(() => chosenExercises(kit.exercises, ['1', '7'])).toThrow(UsageError);
    expect(() => chosenExercises(kit.exercises, ['7'])).toThrow(/--exercises "7" is not an exercise.*1 \(Ø1\), 2 \(Ø2\), 3 \(Ø3\), 4 \(Ø4\)/);
  });

  it('reads --exercises, --break and --minutes as typed, and says what is wrong with each', () => {
    expect(checkTailoring({ exercises: '1, 3,1', break: '10', minutes: '120' }).tailoring).toMatchObject({ exercises: ['1', '3'], breakMinutes: 10, length: 120 });
    const { problems } = checkTailoring({ exercises: ' , ', break: '-5', minutes: '100000000' });
    expect(problems.map((p) => [p.field, p.rule])).toEqual([
      ['exercises', 'empty'],
      ['break', 'range'],
      ['minutes', 'range'],
    ]);
  });
});

describe('the chained schedule', () => {
  const one = byNumber(1);
  const three = byNumber(3);

  it('starts each exercise when the one before ends', () => {
    const [a, b] = chain([one, three], 0);
    expect([a!.from, a!.to]).toEqual([0, minutesOf(one)]);
    expect([b!.from, b!.to]).toEqual([minutesOf(one), minutesOf(one) + minutesOf(three)]);
    // The steps inside carry the meeting's offsets.
    expect(b!.steps[0]!.from).toBe(minutesOf(one));
    expect(b!.steps.at(-1)!.to).toBe(b!.to);
  });

  it('puts the break between exercises, not before the first or after the last', () => {
    const [a, b] = chain([one, three], 10);
    expect(a!.from).toBe(0);
    expect(b!.from).toBe(a!.to + 10);
    expect(meeting(kit.exercises, { exercises: ['1', '3'], breakMinutes: 10 }).minutes).toBe(b!.to);
  });

  it('puts exercise 3 at 10:10 when exercise 1 (60 min) starts at 09:00 with a 10-minute break', () => {
    const m = meeting(kit.exercises, { exercises: ['1', '3'], breakMinutes: 10, start: 9 * 60 });
    expect(minutesOf(one)).toBe(60);
    expect(m.start! + m.exercises[1]!.from).toBe(10 * 60 + 10);
  });

  it('warns, without failing, when the exercises need more time than the meeting has', () => {
    expect(overrun(125, 120)).toBe(5);
    expect(overrun(120, 120)).toBeNull();
    expect(overrun(125, undefined)).toBeNull();
    const m = meeting(kit.exercises, { exercises: ['1', '3'], breakMinutes: 10, length: 90 });
    expect(m.overrun).toBe(m.minutes - 90);
  });
});

describe('groups', () => {
  it('splits participants as evenly as they go, the larger groups first', () => {
    expect(groupSizeList(23, 4)).toEqual([6, 6, 6, 5]);
    expect(groupSizeList(24, 4)).toEqual([6, 6, 6, 6]);
    expect(groupSizeList(5, 5)).toEqual([1, 1, 1, 1, 1]);
  });

  it('starts the perspectives over when there are more groups than perspectives', () => {
    expect(assign(['a', 'b', 'c'], 4)).toEqual([['a'], ['b'], ['c'], ['a']]);
    const table = groupTable(byNumber(1), 4, 23)!;
    const ids = table.rows.map((r) => r.items.map((i) => i.id));
    expect(ids).toEqual([['formel-kerneopgave'], ['udfoert-kerneopgave'], ['oplevet-kerneopgave'], ['formel-kerneopgave']]);
    expect(table.rows.map((r) => r.size)).toEqual([6, 6, 6, 5]);
    expect(table.shared.map((s) => [s.item.id, s.groups])).toEqual([['formel-kerneopgave', [1, 4]]]);
    expect(table.doubled).toEqual([]);
  });

  it('says which group doubles up when there are fewer groups than perspectives', () => {
    expect(assign(['a', 'b', 'c'], 2)).toEqual([['a', 'c'], ['b']]);
    const table = groupTable(byNumber(1), 2, 10)!;
    expect(table.doubled.map((d) => [d.group, d.items.map((i) => i.id)])).toEqual([[1, ['formel-kerneopgave', 'oplevet-kerneopgave']]]);
    expect(table.shared).toEqual([]);
  });

  it('gives every group every route, and no perspective to the groups of a questions or faggruppe exercise', () => {
    expect(groupTable(byNumber(2), 3, 12)!.rows.every((r) => r.items.length === 2)).toBe(true);
    for (const n of [3, 4]) expect(groupTable(byNumber(n), 3, 12)!.rows.every((r) => r.items.length === 0)).toBe(true);
  });

  it('leaves sizes open without the number of participants, and the table out without the number of groups', () => {
    expect(groupTable(byNumber(1), 3, undefined)!.rows.map((r) => r.size)).toEqual([null, null, null]);
    expect(meeting(kit.exercises, { participants: 23 }).exercises.every((e) => e.groups === null)).toBe(true);
  });
});

describe('a step of absurd length', () => {
  it('is a content error naming the file, the line and the most a step may last', () => {
    const dir = contentCopy();
    edit(dir, 'exercises/1-hvem-definerer.yaml', 'minutes: 20', 'minutes: 100000000');
    const [p, ...rest] = problemsOf(dir);
    expect(rest).toEqual([]);
    expect(p!.file).toMatch(/1-hvem-definerer\.yaml$/);
    expect(p!.line).toBe(lineOf(dir, 'exercises/1-hvem-definerer.yaml', 'minutes: 100000000'));
    expect(p!.message).toMatch(/at most 240 minutes/);
  });
});

describe('the meeting in the build request', () => {
  it('has the same fields on the command line, in the checks and on the planner page', async () => {
    const { BUILD_REQUEST } = await import('../src/commands/build-args.js');
    const { MEETING_FIELDS, TAILORING_FIELDS } = await import('../src/plan/tailoring-check.js');
    expect(Object.keys(BUILD_REQUEST.meeting).sort()).toEqual([...TAILORING_FIELDS].sort());
    expect([...MEETING_FIELDS, 'exercises'].sort()).toEqual([...TAILORING_FIELDS].sort());
  });
});
