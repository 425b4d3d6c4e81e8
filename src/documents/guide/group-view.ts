import type { Localization } from '../../i18n/translator.js';
import type { GroupTable } from '../../plan/groups.js';
import type { Passage } from './passage.js';

/** An exercise's group table as printed: one row per group, and the sentences that say who shares or doubles up. */
export interface GroupTableView {
  rows: Array<{ group: string; size: string; work: Passage[] }>;
  notes: string[];
}

export function groupTableView(table: GroupTable, loc: Localization): GroupTableView {
  const t = loc.t;
  return {
    rows: table.rows.map((r) => ({
      group: t('guide.groups.number', { number: r.group }),
      size: r.size === null ? '' : t('guide.groups.people', { count: r.size }),
      // Perspectives are the exercise's own words (Fremfærd's, or the kit's); every other kind of work is the kit's sentence.
      work: table.work === 'perspectives' ? r.items.map((i) => ({ text: i.text, seed: i.origin === 'seed' })) : [{ text: t(`guide.groups.work.${table.work}`), seed: false }],
    })),
    notes: [
      ...table.shared.map((s) => t('guide.groups.shared', { groups: numbers(s.groups, loc) })),
      ...table.doubled.map((d) => t('guide.groups.doubled', { number: d.group, count: d.items.length })),
    ],
  };
}

/** "1 og 4", "1, 2 og 3": the group numbers as a sentence lists them. */
function numbers(groups: number[], loc: Localization): string {
  const all = groups.map((g) => loc.formatNumber(g));
  return all.length === 1 ? all[0]! : `${all.slice(0, -1).join(', ')} ${loc.t('guide.groups.and')} ${all.at(-1)!}`;
}
