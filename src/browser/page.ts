import { inDeckOrder } from '../content/families.js';
import { DECK_FILE } from '../documents/cards/index.js';
import { GUIDE_FILE } from '../documents/guide/index.js';
import { planView } from '../documents/guide/plan-view.js';
import { meeting } from '../plan/meeting.js';
import type { PlannerData } from '../planner/data.js';
import { checkTailoring, type TailoringProblem } from '../plan/tailoring-check.js';
import type { Tailoring } from '../plan/tailoring.js';
import { parseCardSize, type PaperName } from '../print/paper.js';
import type { Duplex } from '../print/imposition.js';
import type { FontStyle } from '../render/fonts.js';
import { planner, type Planner } from './planner.js';

// The planner page's script (layouts/html/planner.hbs): the facilitator's numbers checked as
// the command line checks them, the plan drawn with the guide's own plan view, and the
// guide and the deck made by planner.ts. Texts come from the kit's labels, in the page's
// language. The bundle's entry: it also hands `planner` to tests that run it outside a page.

export { planner };

declare global {
  interface Window {
    kernekitPlannerData?: PlannerData;
    kernekitFonts?: Record<FontStyle, string>;
  }
}

const FIELDS = ['participants', 'groups', 'start'] as const;
type Field = (typeof FIELDS)[number];

if (typeof document !== 'undefined') {
  const root = document.getElementById('planner');
  const data = window.kernekitPlannerData;
  const fonts = window.kernekitFonts;
  if (root && data && fonts) start(root, planner(data, fonts));
}

function start(root: HTMLElement, p: Planner): void {
  const t = p.loc.t;
  const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
  const meeting = byId<HTMLFormElement>('meeting');
  const deck = byId<HTMLFormElement>('deck');
  const input = (field: Field) => byId<HTMLInputElement>(field);
  root.hidden = false;
  // While the facilitator reads and types, the fonts are parsed: the first PDF then comes
  // sooner. Safari has no requestIdleCallback; a moment after the page shows will do there.
  if ('requestIdleCallback' in window) requestIdleCallback(() => p.warmUp(), { timeout: 2000 });
  else setTimeout(() => p.warmUp(), 500);

  /** The numbers as typed; an empty field is one not given, as an option left out. */
  const typed = () => Object.fromEntries(FIELDS.map((f) => [f, input(f).value.trim() || undefined])) as Partial<Record<Field, string>>;

  const showProblems = (problems: TailoringProblem[]) => {
    for (const field of FIELDS) {
      const problem = problems.find((x) => x.field === field);
      const message = problem ? problemText(problem, t) : '';
      // Only a changed message is written, so a screen reader hears each once.
      const error = byId<HTMLElement>(`${field}-error`);
      if (error.textContent !== message) error.textContent = message;
      input(field).setAttribute('aria-invalid', String(problem !== undefined));
    }
  };

  const chosenExercises = () => new Set([...meeting.querySelectorAll<HTMLInputElement>('input[name=exercise]:checked')].map((c) => c.value));
  const drawPlan = () => drawPlanOf(byId('plan'), p, chosenExercises(), checkTailoring(typed()).tailoring);
  // Problems are shown when the form is sent, and then kept current as the fields are
  // corrected. Not before: a message appearing as a field is left would move the button
  // away from under the pointer that is about to press it.
  let checked = false;
  meeting.addEventListener('input', () => {
    drawPlan();
    if (checked) showProblems(checkTailoring(typed()).problems);
  });
  drawPlan();

  meeting.addEventListener('submit', (event) => {
    event.preventDefault();
    const { tailoring, problems } = checkTailoring(typed());
    checked = true;
    showProblems(problems);
    if (problems.length > 0) {
      byId('guide-status').textContent = t('planner.error.summary');
      byId<HTMLInputElement>(problems[0]!.field).focus();
      return;
    }
    void make(t('guide.title'), GUIDE_FILE, 'guide', () => p.guide(tailoring));
  });

  deck.addEventListener('submit', (event) => {
    event.preventDefault();
    const form = new FormData(deck);
    const parts = inDeckOrder(form.getAll('part'));
    const partsError = byId<HTMLElement>('parts-error');
    partsError.textContent = parts.length === 0 ? t('planner.error.parts') : '';
    if (parts.length === 0) {
      deck.querySelector<HTMLInputElement>('input[name=part]')!.focus();
      return;
    }
    const cardSizeName = String(form.get('cardSize'));
    const choices = {
      deckParts: parts,
      paper: String(form.get('paper')) as PaperName,
      card: parseCardSize(cardSizeName),
      cardSizeName,
      duplex: String(form.get('duplex')) as Duplex,
      backs: String(form.get('backs')) as 'light' | 'full',
    };
    void make(t('deck.title'), DECK_FILE, 'deck', () => p.deck(choices));
  });

  /** Makes a PDF while saying so below its button, then hands it to the browser as a download. */
  async function make(title: string, file: string, form: 'guide' | 'deck', pdf: () => Promise<Uint8Array>): Promise<void> {
    const button = byId<HTMLButtonElement>(`${form}-button`);
    const status = byId<HTMLElement>(`${form}-status`);
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
    case 'empty':
      return t('planner.noExercise');
    case 'more-than-participants':
      return t('planner.error.groupsMore', { participants: t('guide.groups.participants', { count: problem.participants }), to: problem.participants });
    case 'clock':
      return t('planner.error.start', { text: problem.value });
  }
}

/** The chosen exercises' plans: clock times, the split into groups, and what to print, as the guide prints them. */
function drawPlanOf(target: HTMLElement, p: Planner, chosen: Set<string>, tailoring: Tailoring): void {
  const { loc } = p;
  const t = loc.t;
  const parts: Node[] = [];
  const m = meeting(loc.kit.exercises, { ...tailoring, exercises: [...chosen] });
  for (const scheduled of chosen.size > 0 ? m.exercises : []) {
    const { exercise } = scheduled;
    const view = planView(scheduled, m, loc);
    const heading = t('category.exercise', { number: exercise.number, title: exercise.title });
    parts.push(element('h3', heading));
    if (view.groupNote) parts.push(element('p', view.groupNote, 'plan-note'));
    if (view.groupWarning) parts.push(element('p', view.groupWarning, 'note'));
    parts.push(
      table(
        `${heading}: ${t('guide.exercise.plan')}`,
        [t('guide.plan.time'), t('guide.plan.step'), t('guide.plan.grouping'), t('guide.plan.materials')],
        [...view.rows.map((r) => [r.time, r.text, r.grouping, r.materials.join(', ')]), [view.total.time, view.total.label, '', '']],
      ),
    );
    parts.push(element('h4', t('planner.print')));
    parts.push(table(`${heading}: ${t('planner.print')}`, [t('guide.materials.what'), t('guide.materials.quantity')], view.materials.map((m) => [m.note ? `${m.name} (${m.note})` : m.name, m.quantity])));
  }
  if (parts.length === 0) parts.push(element('p', t('planner.noExercise')));
  target.replaceChildren(...parts);
}

function element(tag: string, text: string, className?: string): HTMLElement {
  const el = document.createElement(tag);
  el.textContent = text;
  if (className) el.className = className;
  return el;
}

/** A table with header cells; a wide one scrolls inside a named frame that takes keyboard focus, as in the HTML editions. */
function table(label: string, head: string[], rows: string[][]): HTMLElement {
  const frame = document.createElement('section');
  frame.className = 'table-scroll wide';
  frame.tabIndex = 0;
  frame.setAttribute('aria-label', label);
  const tableEl = document.createElement('table');
  const headRow = tableEl.createTHead().insertRow();
  for (const h of head) headRow.append(Object.assign(document.createElement('th'), { scope: 'col', textContent: h }));
  const body = tableEl.createTBody();
  for (const row of rows) {
    const tr = body.insertRow();
    for (const cell of row) tr.insertCell().textContent = cell;
  }
  frame.append(tableEl);
  return frame;
}
