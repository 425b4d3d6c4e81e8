import { inDeckOrder } from '../content/families.js';
import { DECK_FILE } from '../documents/cards/index.js';
import { GUIDE_FILE } from '../documents/guide/index.js';
import { PACK_CARDS_FILE, PACK_PAPER_FILE } from '../documents/pack/files.js';
import { printCounts } from '../documents/pack/print-counts.js';
import { groupTableView } from '../documents/guide/group-view.js';
import { planView, spanText } from '../documents/guide/plan-view.js';
import type { PlannerData } from '../planner/data.js';
import { meeting } from '../plan/meeting.js';
import { checkTailoring, MEETING_FIELDS, type TailoringField, type TailoringProblem, type TypedTailoring } from '../plan/tailoring-check.js';
import type { Tailoring } from '../plan/tailoring.js';
import { parseCardSize, type PaperName } from '../print/paper.js';
import type { Duplex } from '../print/imposition.js';
import { planner, unpackData, type Planner } from './planner.js';

// The planner page's script (layouts/html/planner.hbs): the facilitator's meeting checked as
// the command line checks it, the plan drawn with the guide's own plan view, and the
// guide and the deck made by planner.ts. Texts come from the kit's labels, in the page's
// language. The bundle's entry: it also hands `planner` to tests that run it outside a page.

export { planner };

declare global {
  interface Window {
    /** The language's data, packed (write-data.ts's dataScript). */
    kernekitPlannerData?: string;
    /** The font files, deflated, in base64, by their sourceName (write-data.ts's fontsScript). */
    kernekitFonts?: Record<string, string>;
  }
}

/**
 * What the meeting form's buttons make, by the button's value: the document's title label,
 * its file name, and how the planner makes it for the checked meeting. A further document
 * for the meeting is one entry here and one button in planner.hbs's `meeting-makes`.
 */
const MAKERS: Record<string, { title: string; file: string; make(p: Planner, tailoring: Tailoring): Promise<Uint8Array> }> = {
  guide: { title: 'guide.title', file: GUIDE_FILE, make: (p, tailoring) => p.guide(tailoring) },
  pack: { title: 'pack.cards.title', file: PACK_CARDS_FILE, make: (p, tailoring) => p.pack(tailoring) },
  paper: { title: 'pack.paper.title', file: PACK_PAPER_FILE, make: (p, tailoring) => p.paper(tailoring) },
};

if (typeof document !== 'undefined') {
  const root = document.getElementById('planner');
  const data = window.kernekitPlannerData;
  const fonts = window.kernekitFonts;
  if (root && data && fonts) start(root, planner(unpackData(data), fonts));
}

function start(root: HTMLElement, p: Planner): void {
  const t = p.loc.t;
  const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
  const form = byId<HTMLFormElement>('meeting');
  const deck = byId<HTMLFormElement>('deck');
  const order = byId<HTMLOListElement>('exercise-order');
  root.hidden = false;
  // While the facilitator reads and types, the planner gets ready (planner.ts's warmUp): the
  // first PDF then comes as soon as the later ones. Safari has no requestIdleCallback; a moment
  // after the page shows will do there.
  const warmUp = () => void p.warmUp().catch(() => {});
  if ('requestIdleCallback' in window) requestIdleCallback(warmUp, { timeout: 2000 });
  else setTimeout(warmUp, 500);

  /** The meeting as typed: the ticked exercises in the list's order, and each field; an empty field is one not given, as an option left out. */
  const typed = (): TypedTailoring => ({
    exercises: [...order.querySelectorAll<HTMLInputElement>('input[name=exercise]:checked')].map((c) => c.value).join(','),
    ...Object.fromEntries(MEETING_FIELDS.flatMap((f) => (byId<HTMLInputElement>(f).value.trim() ? [[f, byId<HTMLInputElement>(f).value.trim()]] : []))),
  });

  /** The fields whose problems are on show: a field once left, every field once the form was sent. */
  const shown = new Set<TailoringField>();
  const showProblems = (problems: TailoringProblem[]) => {
    for (const field of ['exercises', ...MEETING_FIELDS] as const) {
      const problem = shown.has(field) ? problems.find((x) => x.field === field) : undefined;
      const message = problem ? problemText(problem, t) : '';
      // Only a changed message is written, so a screen reader hears each once.
      const error = byId<HTMLElement>(`${field}-error`);
      if (error.textContent !== message) error.textContent = message;
      if (field !== 'exercises') byId(field).setAttribute('aria-invalid', String(problem !== undefined));
    }
  };

  const refresh = () => {
    const { tailoring, problems } = checkTailoring(typed());
    drawPlan(byId('plan'), p, tailoring);
    showProblems(problems);
  };
  form.addEventListener('input', refresh);
  // A field is checked as it is left. Not when it is left for one of the form's buttons:
  // a message appearing then would move the button from under the pointer pressing it,
  // and sending the form checks every field anyway.
  form.addEventListener('focusout', (event) => {
    const field = (event.target as HTMLElement).id as TailoringField;
    if (!(MEETING_FIELDS as readonly string[]).includes(field) || (event.relatedTarget instanceof HTMLButtonElement && event.relatedTarget.type === 'submit')) return;
    if (byId<HTMLInputElement>(field).value.trim() === '') return;
    shown.add(field);
    refresh();
  });
  order.addEventListener('click', (event) => {
    const button = (event.target as HTMLElement).closest<HTMLButtonElement>('button[data-move]');
    if (button) move(button);
  });
  markEnds();
  refresh();

  /** Moves an exercise one place up or down, keeps the focus on a button that still moves it, and says where it went. */
  function move(button: HTMLButtonElement): void {
    const item = button.closest('li')!;
    const up = button.dataset.move === '-1';
    const neighbour = up ? item.previousElementSibling : item.nextElementSibling;
    if (!neighbour) return;
    if (up) neighbour.before(item);
    else neighbour.after(item);
    markEnds();
    (button.disabled ? item.querySelector<HTMLButtonElement>(`button[data-move="${up ? 1 : -1}"]`)! : button).focus();
    const items = [...order.children];
    byId('order-status').textContent = t('planner.moved', { label: item.querySelector('label')!.textContent!.trim(), position: items.indexOf(item) + 1, total: items.length });
    refresh();
  }

  /** The first exercise cannot move up, the last cannot move down. */
  function markEnds(): void {
    const items = [...order.children];
    items.forEach((li, i) => {
      li.querySelector<HTMLButtonElement>('button[data-move="-1"]')!.disabled = i === 0;
      li.querySelector<HTMLButtonElement>('button[data-move="1"]')!.disabled = i === items.length - 1;
    });
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const { tailoring, problems } = checkTailoring(typed());
    for (const field of ['exercises', ...MEETING_FIELDS] as const) shown.add(field);
    showProblems(problems);
    if (problems.length > 0) {
      byId('guide-status').textContent = t('planner.error.summary');
      const first = problems[0]!.field;
      (first === 'exercises' ? order.querySelector<HTMLInputElement>('input[name=exercise]')! : byId(first)).focus();
      return;
    }
    const submitter = event.submitter instanceof HTMLButtonElement ? event.submitter : byId<HTMLButtonElement>('guide-button');
    const maker = MAKERS[submitter.value]!;
    void make(t(maker.title), maker.file, submitter, byId('guide-status'), () => maker.make(p, tailoring));
  });

  deck.addEventListener('submit', (event) => {
    event.preventDefault();
    const chosen = new FormData(deck);
    const parts = inDeckOrder(chosen.getAll('part'));
    const partsError = byId<HTMLElement>('parts-error');
    partsError.textContent = parts.length === 0 ? t('planner.error.parts') : '';
    if (parts.length === 0) {
      deck.querySelector<HTMLInputElement>('input[name=part]')!.focus();
      return;
    }
    const cardSizeName = String(chosen.get('cardSize'));
    const choices = {
      deckParts: parts,
      paper: String(chosen.get('paper')) as PaperName,
      card: parseCardSize(cardSizeName),
      cardSizeName,
      duplex: String(chosen.get('duplex')) as Duplex,
      backs: String(chosen.get('backs')) as 'light' | 'full',
    };
    void make(t('deck.title'), DECK_FILE, byId('deck-button'), byId('deck-status'), () => p.deck(choices));
  });

  /** Makes a PDF while saying so below its button, then hands it to the browser as a download. */
  async function make(title: string, file: string, button: HTMLButtonElement, status: HTMLElement, pdf: () => Promise<Uint8Array>): Promise<void> {
    button.disabled = true;
    status.textContent = t('planner.working', { title });
    try {
      download(await pdf(), file);
      status.textContent = t('planner.ready', { title });
    } catch (err) {
      status.textContent = t('planner.failed', { title, text: err instanceof Error ? err.message : String(err) });
    } finally {
      button.disabled = false;
    }
  }
}

function download(bytes: Uint8Array, file: string): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: 'application/pdf' }));
  const link = Object.assign(document.createElement('a'), { href: url, download: file });
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has taken the file once the click is handled.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** A problem as the page says it, beside its field: the command line's message without the option's name. */
function problemText(problem: TailoringProblem, t: Planner['loc']['t']): string {
  switch (problem.rule) {
    case 'range':
      if (problem.field === 'break' || problem.field === 'minutes') return t(`planner.error.${problem.field}`, { text: problem.value, from: problem.min, to: problem.max });
      return problem.field === 'participants'
        ? t('planner.error.participants', { text: problem.value, from: problem.min, to: problem.max })
        : t('planner.error.groups', { text: problem.value, to: problem.max });
    case 'more-than-participants':
      return t('planner.error.groupsMore', { participants: t('guide.groups.participants', { count: problem.participants }), to: problem.participants });
    case 'clock':
      return t('planner.error.start', { text: problem.value });
    case 'empty':
      return t('planner.noExercise');
  }
}

/** The meeting's plan, as the guide prints it: each exercise on the clock with its groups and what to print, then when it ends. */
function drawPlan(target: HTMLElement, p: Planner, tailoring: Tailoring): void {
  const { loc } = p;
  const t = loc.t;
  const parts: Node[] = [];
  const m = meeting(loc.kit.exercises, tailoring);
  // What to print, counted as the guide counts it: from the print pack's own layout.
  const print = tailoring.exercises ? printCounts(loc, { ...p.options, tailoring }) : null;
  for (const scheduled of tailoring.exercises ? m.exercises : []) {
    const { exercise } = scheduled;
    const view = planView(scheduled, m, loc, print);
    const heading = t('category.exercise', { number: exercise.number, title: exercise.title });
    parts.push(element('h3', `${heading} (${view.total.time})`));
    if (view.groupNote) parts.push(element('p', view.groupNote, 'plan-note'));
    if (view.groupWarning) parts.push(element('p', view.groupWarning, 'note'));
    if (scheduled.groups) {
      const groups = groupTableView(scheduled.groups, loc);
      parts.push(element('h4', t('guide.groups.heading')));
      parts.push(table(`${heading}: ${t('guide.groups.heading')}`, [t('guide.groups.group'), t('guide.groups.workHeading')], groups.rows.map((r) => [[r.group, r.size].filter(Boolean).join('\n'), r.work.map((w) => (w.seed ? t('guide.quote', { text: w.text }) : w.text)).join(' / ')])));
      for (const note of groups.notes) parts.push(element('p', note, 'plan-note'));
    }
    parts.push(element('h4', t('guide.exercise.plan')));
    parts.push(
      table(
        `${heading}: ${t('guide.exercise.plan')}`,
        [t('guide.plan.time'), t('guide.plan.step')],
        [...view.rows.map((r) => [r.time, [r.seed ? t('guide.quote', { text: r.text }) : r.text, `${t('guide.plan.grouping')}: ${r.grouping}`, ...(r.materials.length ? [`${t('guide.plan.materials')}: ${r.materials.join(', ')}`] : [])].join('\n')]), [view.total.time, view.total.label]],
      ),
    );
    parts.push(element('h4', t('planner.print')));
    parts.push(table(`${heading}: ${t('planner.print')}`, [t('guide.materials.what'), t('guide.materials.quantity')], view.materials.map((mat) => [mat.note ? `${mat.name} (${mat.note})` : mat.name, mat.quantity])));
    const next = m.exercises[m.exercises.indexOf(scheduled) + 1];
    if (next && next.from > scheduled.to) parts.push(element('p', t('guide.runSheet.break', { time: spanText(m, scheduled.to, next.from, loc) }), 'plan-note'));
  }
  if (parts.length === 0) parts.push(element('p', t('planner.noExercise')));
  else {
    parts.push(element('p', m.start === undefined ? t('guide.runSheet.total', { count: m.minutes }) : t('guide.runSheet.end', { time: loc.formatClock(m.start + m.minutes), count: m.minutes }), 'plan-end'));
    if (m.overrun !== null) parts.push(element('p', t('guide.runSheet.overrun', { count: m.overrun, length: m.length }), 'error'));
  }
  target.replaceChildren(...parts);
}

function element(tag: string, text: string, className?: string): HTMLElement {
  const el = document.createElement(tag);
  el.textContent = text;
  if (className) el.className = className;
  return el;
}

/** A table with header cells, in a named frame that takes keyboard focus and scrolls should a word be wider than the screen; a cell's lines stay lines. */
function table(label: string, head: string[], rows: string[][]): HTMLElement {
  const frame = document.createElement('section');
  frame.className = 'table-scroll';
  frame.tabIndex = 0;
  frame.setAttribute('aria-label', label);
  const tableEl = document.createElement('table');
  const headRow = tableEl.createTHead().insertRow();
  for (const h of head) headRow.append(Object.assign(document.createElement('th'), { scope: 'col', textContent: h }));
  const body = tableEl.createTBody();
  for (const row of rows) {
    const tr = body.insertRow();
    for (const cell of row) {
      const td = tr.insertCell();
      cell.split('\n').forEach((line, i) => td.append(...(i > 0 ? [document.createElement('br')] : []), line));
    }
  }
  frame.append(tableEl);
  return frame;
}
