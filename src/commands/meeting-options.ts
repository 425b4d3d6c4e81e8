import { UsageError } from '../content/problems.js';
import { checkTailoring, TAILORING_FIELDS, type TailoringField, type TailoringProblem, type TypedTailoring } from '../plan/tailoring-check.js';
import type { Tailoring } from '../plan/tailoring.js';
import type { RawBuildArgs } from './build-args.js';

/**
 * The meeting's options, checked together because --groups is bounded by --participants; the
 * first problem stops the build. Cheap to load: the build checks them before the source key.
 */
export function meetingRequest(args: Pick<RawBuildArgs, TailoringField | 'only'>): Tailoring | undefined {
  const given = (v: string | undefined) => (v === undefined ? undefined : String(v).trim());
  const typed = Object.fromEntries(TAILORING_FIELDS.flatMap((f) => (args[f] === undefined ? [] : [[f, given(args[f])]]))) as TypedTailoring;
  const { tailoring, problems } = Object.keys(typed).length === 0 ? { tailoring: undefined, problems: [] } : checkTailoring(typed);
  if (problems.length > 0) throw new UsageError(optionMessage(problems[0]!));
  // The pack is the meeting's: asked for alone, it needs the groups it is made for.
  if (args.only !== undefined && args.only.split(',').some((f) => f.trim() === 'pack') && tailoring?.groups === undefined) {
    throw new UsageError('--only pack makes the meeting\'s print pack, one set of cards per group: add --groups with the number of groups, e.g. --groups 4.');
  }
  return tailoring;
}

/** A tailoring problem as the command line says it, naming the option. */
function optionMessage(p: TailoringProblem): string {
  switch (p.rule) {
    case 'range':
      if (p.field === 'break') return `--break ${quote(p.value)} is not a number of minutes from ${p.min} to ${p.max}. Write a whole number, e.g. --break 10.`;
      if (p.field === 'minutes') return `--minutes ${quote(p.value)} is not a meeting length from ${p.min} to ${p.max} minutes. Write a whole number, e.g. --minutes 120.`;
      return p.field === 'participants'
        ? `--participants ${quote(p.value)} is not a number of people from ${p.min} to ${p.max}. Write a whole number, e.g. --participants 24.`
        : `--groups ${quote(p.value)} is not a number of groups from 1 to ${p.max}. Write a whole number, e.g. --groups 4.`;
    case 'more-than-participants':
      return `--groups ${p.value} is more than --participants ${p.participants}: every group needs at least one person. Write a whole number from 1 to ${p.participants}.`;
    case 'empty':
      return `--exercises ${quote(p.value)} names no exercise. Write their numbers or codes separated by commas, e.g. --exercises 1,3.`;
    case 'clock':
      return `--start ${quote(p.value)} is not a time of day. Write the start as HH:MM on the 24-hour clock, from 00:00 to 23:59, e.g. --start 13:00.`;
  }
}

function quote(value: string): string {
  return /^[\w:.-]+$/.test(value) ? value : `"${value}"`;
}
