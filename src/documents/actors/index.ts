import type { Content } from 'pdfmake/interfaces.js';
import { checklistQuestionCount } from '../../content/model.js';
import { PAPER } from '../../print/paper.js';
import type { Family } from '../family.js';
import { checklistInputs } from '../inputs.js';
import { pdfMeta } from '../meta.js';
import { attribution } from '../attribution.js';
import { FLOW_MARGINS, flowPages } from '../page.js';
import { contentArea } from '../worksheets/geometry.js';
import { coverPage } from './cover.js';
import { actorPages } from './pages.js';
import { actorViews } from './views.js';
import { wheelSvg } from '../wheel/svg.js';

export const ACTORS_FILE = '360-graders-blik.pdf';

/** The 360° checklist for the leader: the wheel, then one page of questions and notes per actor. */
export const actors: Family = {
  id: 'actors',
  files: () => [ACTORS_FILE],
  inputs: (kit) => ({ [ACTORS_FILE]: checklistInputs(kit) }),
  compose(loc, options) {
    const views = actorViews(loc);
    const area = contentArea(PAPER[options.paper], FLOW_MARGINS);
    const pages = [coverPage(loc, views, area, ACTORS_FILE), ...actorPages(loc, views, area, ACTORS_FILE)];
    const content = pages.map((nodes, i) => ({ stack: nodes, ...(i > 0 ? { pageBreak: 'before' as const } : {}) })) as Content[];
    const title = loc.kit.checklist.title;
    const subject = loc.t('actors.subject', { questions: loc.t('actors.questionCount', { count: checklistQuestionCount(loc.kit) }), perspectives: loc.t('actors.perspectiveCount', { count: views.length }) });
    // The 360° checklist is Fremfærd's, word for word.
    const words = attribution(loc, ['seed']);
    const flow = flowPages(loc, options, { runningHead: loc.t('actors.runningHead'), content, attribution: words });
    const edition = { layout: 'actors.hbs', view: { title, intro: loc.kit.checklist.intro, actors: views, wheel: wheelSvg(loc, views) }, attribution: words };
    return [{ family: 'actors', file: ACTORS_FILE, title, pdf: { meta: pdfMeta(loc, options, title, subject), ...flow }, edition }];
  },
};
