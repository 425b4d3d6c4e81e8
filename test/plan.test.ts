import { describe, expect, it } from 'vitest';
import { meetingRequest as tailoring } from '../src/commands/meeting-options.js';
import { UsageError } from '../src/content/problems.js';
import { loadKit } from '../src/content/load.js';
import type { Exercise } from '../src/content/model.js';
import { formatClock, parseClock } from '../src/plan/clock.js';
import { copiesFor, groupSizes, materialNeeds, withinSuggestedSize } from '../src/plan/quantities.js';
import { schedule, totalMinutes } from '../src/plan/schedule.js';
import { CONTENT } from './helpers/content.js';

const kit = loadKit(CONTENT);

describe('clock times', () => {
  it('reads HH:MM on the 24-hour clock, with a colon or the Danish period', () => {
    expect(parseClock('13:00')).toBe(13 * 60);
    expect(parseClock('9:05')).toBe(9 * 60 + 5);
    expect(parseClock('00:00')).toBe(0);
    expect(parseClock('23:59')).toBe(23 * 60 + 59);
    expect(parseClock('13.30')).toBe(13 * 60 + 30);
  });

  it('rejects what is not a time of day', () => {
    for (const bad of ['25:99', '24:00', '12:60', '1300', '13', '', 'kl. 13', '-1:00', '13:0']) expect(parseClock(bad), bad).toBeUndefined();
  });

  it('writes minutes after midnight as HH:MM and runs on past midnight', () => {
    expect(formatClock(13 * 60 + 5)).toBe('13:05');
    expect(formatClock(9 * 60)).toBe('09:00');
    expect(formatClock(24 * 60 + 30)).toBe('00:30');
  });
});

describe('the schedule', () => {
  it('lays the steps end to end, so the last step ends at the total', () => {
    const slots = schedule([
      { id: 'a', minutes: 5 },
      { id: 'b', minutes: 20 },
      { id: 'c', minutes: 10 },
    ]);
    expect(slots.map((s) => [s.from, s.to])).toEqual([
      [0, 5],
      [5, 25],
      [25, 35],
    ]);
    expect(totalMinutes(slots)).toBe(35);
  });

  it('gives every exercise of the content a plan that ends at its total minutes', () => {
    for (const e of kit.exercises) {
      const slots = schedule(e.steps);
      expect(slots.at(-1)!.to, e.id).toBe(e.steps.reduce((n, s) => n + s.minutes, 0));
    }
  });
});

describe('quantities', () => {
  const exercise: Exercise = kit.exercises.find((e) => e.id === 'hvem-definerer')!;

  it('counts one per participant, one per group and one per meeting', () => {
    const t = { participants: 24, groups: 4 };
    expect(copiesFor('participant', t)).toBe(24);
    expect(copiesFor('group', t)).toBe(4);
    expect(copiesFor('meeting', t)).toBe(1);
    expect(copiesFor('group', {})).toBeUndefined();
  });

  it('gives each group a full set of the exercise worksheets, and the meeting the one sheet its note names', () => {
    const needs = materialNeeds(exercise, { participants: 24, groups: 4 });
    const sheets = needs.filter((n) => 'document' in n.material && n.material.document === 'worksheets');
    expect(sheets.map((n) => [n.material.per, n.copies, n.pagesPerCopy])).toEqual([
      ['group', 4, exercise.worksheets.length],
      ['meeting', 1, 1],
    ]);
    const deck = needs.find((n) => 'document' in n.material && n.material.document === 'cards')!;
    expect([deck.copies, deck.pagesPerCopy]).toEqual([4, 1]);
  });

  it('lists a material used in several steps once', () => {
    const twice: Exercise = {
      ...exercise,
      steps: [exercise.steps[1]!, { ...exercise.steps[1]!, id: 'again' }],
    };
    expect(materialNeeds(twice, { groups: 3 })).toHaveLength(exercise.steps[1]!.materials.length);
  });

  it('leaves counts open when the build was not told the numbers', () => {
    for (const n of materialNeeds(exercise, {})) expect(n.copies).toBe(n.material.per === 'meeting' ? 1 : undefined);
  });

  it('splits participants as evenly as possible and checks the suggested group size', () => {
    expect(groupSizes(24, 4)).toEqual({ smallest: 6, largest: 6 });
    expect(groupSizes(22, 4)).toEqual({ smallest: 5, largest: 6 });
    expect(withinSuggestedSize(exercise, 24, 4)).toBe(true);
    expect(withinSuggestedSize(exercise, 24, 2)).toBe(false);
  });
});

describe('the tailoring options', () => {
  const message = (args: Parameters<typeof tailoring>[0]): string => {
    try {
      tailoring(args);
    } catch (err) {
      expect(err).toBeInstanceOf(UsageError);
      return (err as Error).message;
    }
    throw new Error('expected a UsageError');
  };

  it('are absent unless given', () => {
    expect(tailoring({})).toBeUndefined();
  });

  it('turn valid values into numbers', () => {
    expect(tailoring({ participants: '24', groups: '4', start: '13:00' })).toEqual({ participants: 24, groups: 4, start: 780 });
    expect(tailoring({ start: '8:30' })).toEqual({ participants: undefined, groups: undefined, start: 510 });
  });

  it('name the option, the value and what to write', () => {
    expect(message({ participants: '1' })).toMatch(/--participants 1 .*2 to 500.*--participants 24/);
    expect(message({ participants: 'tyve' })).toMatch(/--participants tyve /);
    expect(message({ participants: '2.5' })).toMatch(/--participants 2\.5 /);
    expect(message({ groups: '0' })).toMatch(/--groups 0 .*from 1 to 500/);
    expect(message({ groups: '30', participants: '20' })).toMatch(/--groups 30 is more than --participants 20.*from 1 to 20/);
    expect(message({ start: '25:99' })).toMatch(/--start 25:99 is not a time of day.*HH:MM.*--start 13:00/);
    expect(message({ start: 'kl 13' })).toMatch(/--start "kl 13"/);
    expect(message({ break: '-5' })).toMatch(/--break -5 is not a number of minutes from 0 to 240.*--break 10/);
    expect(message({ minutes: '100000000' })).toMatch(/--minutes 100000000 is not a meeting length from 1 to 1440 minutes/);
    expect(message({ exercises: ',' })).toMatch(/--exercises "," names no exercise.*--exercises 1,3/);
  });
});
