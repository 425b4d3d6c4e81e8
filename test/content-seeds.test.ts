import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKit } from '../src/content/load.js';
import { allActors } from '../src/content/model.js';
import { deckCards } from '../src/content/deck.js';
import { CONTENT, SOURCES } from './helpers/content.js';

const kit = loadKit(CONTENT);

function seed(name: 'fire-enkle-steder-at-starte' | '360-graders-blik'): string {
  return readFileSync(join(SOURCES, `fremfaerd-${name}.txt`), 'utf8');
}

/** The seed with the extraction damage undone that content-notes.md names. */
function repaired(text: string): string {
  return text
    .replace(/•/g, ' ')
    .replace(/(\p{L})-\s*\n\s*(\p{Ll})/gu, '$1$2')
    .replace(/\/\s*\n\s*/g, '/')
    .replace(/\s+/g, ' ')
    .replace(/topledelse'/g, 'topledelse?')
    .replace(/ - /g, ' – ');
}

// The table of content-notes.md: actor → reflection and dialogue questions, in order.
const checklist: Record<string, { reflection: string[]; dialogue: string[] }> = {
  tillidsrepraesentanter: {
    reflection: [
      'Hvilke forskelle er der mellem faggruppernes perspektiv på kerneopgaven?',
      'Hvor ser du mulighederne for at bygge bro mellem forskellighederne?',
      'Hvilken rolle kan tillidsvalgte og MED-udvalg/SU eller AMO spille for et fælles fokus på kerneopgaven?',
    ],
    dialogue: [
      'Hvad opfatter I som vores kerneopgave?',
      'Hvilke forventninger fornemmer I, at borgere/kunder har til fremtidens kerneopgave?',
      'Hvad har vi brug for at blive bedre til for at kunne styrke og udvikle kerneopgaven?',
    ],
  },
  medarbejdere: {
    reflection: [
      'Hvad har du lagt mærke til i medarbejdernes tilgang til kerneopgaven?',
      'Hvad ser du som medarbejdernes styrker og svagheder ift. at arbejde med og udvikle kerneopgaven?',
      'Er der brug for at styrke bestemte kompetencer?',
    ],
    dialogue: [
      'Hvordan forstår I kerneopgaven?',
      'Hvordan oplever I samarbejdsfladerne til andre fagligheder?',
      'Hvilke ideer har I til, hvordan kerneopgaven skal udvikle sig i fremtiden?',
    ],
  },
  'egen-chef': {
    reflection: ['Hvilke aspekter af kerneopgaven lægger din leder særlig vægt på?', 'Hvad bør være jeres fælles succeskriterier ift. kerneopgaven?'],
    dialogue: [
      'Hvordan forstår du kerneopgaven?',
      'Giver en stærkere afklaring af kerneopgaven anledning til at ændre vores målsætninger, prioriteringer eller arbejdsgange?',
    ],
  },
  'dig-selv': {
    reflection: [
      'Hvad er hele arbejdspladsens kerneopgave?',
      'Hvad er bestemt af lovgivningen – og hvad har I selv indflydelse på?',
      'Kan alle faggrupper og afdelinger på arbejdspladsen se sig selv i kerneopgaven?',
      'Hvad ser du som din rolle ift. kerneopgaven?',
    ],
    dialogue: [],
  },
  'politikere-topledelse': {
    reflection: ['Hvad gør du for at gøre kerneopgaven klar og tydelig over for politikerne og topledelse?', 'Hvem kan du samarbejde med om dette?'],
    dialogue: ['Hvilken rolle kan og vil I spille i forhold til at styrke kerneopgaven?'],
  },
  'borgere-kunder': {
    reflection: ['Hvordan opfatter borgere/kunder den værdi, I skaber for dem?', 'Hvad kan I lære af de krav og ønsker, I møder i hverdagen fra borgere/kunder?'],
    dialogue: [
      'Hvilke forventninger har I til den måde, vi løser kerneopgaven på?',
      'Hvad skulle vi ændre, hvis I skulle få mere ud af vores indsats?',
      'På hvilke måder vil I selv kunne bidrage?',
    ],
  },
  'andre-ledere': {
    reflection: [
      'Hvad er dine vigtige samarbejdsrelationer i resten af organisationen, når det gælder kerneopgaven?',
      'Hvordan kan du bidrage til en fælles forståelse af kerneopgaven på tværs af organisationen?',
    ],
    dialogue: [
      'Hvordan skaber vi fælles mål og retning i forhold til kerneopgaven?',
      'Er der punkter, hvor vi har brug for at styrke det formelle eller uformelle samarbejde på tværs?',
    ],
  },
};

describe('360° checklist (seed 004)', () => {
  it('has "Dig selv" in the centre and the six actors around it', () => {
    expect(kit.checklist.centre.id).toBe('dig-selv');
    expect(kit.checklist.centre.name).toBe('Dig selv');
    expect(kit.checklist.around.map((a) => a.id).sort()).toEqual(Object.keys(checklist).filter((k) => k !== 'dig-selv').sort());
  });

  it('holds each of the 32 questions once, under the actor and group content-notes.md gives', () => {
    const all = allActors(kit).flatMap((a) => [...a.reflection, ...a.dialogue].map((q) => q.text));
    expect(all).toHaveLength(32);
    expect(new Set(all).size).toBe(32);
    for (const actor of allActors(kit)) {
      const expected = checklist[actor.id]!;
      expect(actor.reflection.map((q) => q.text), `${actor.id} reflection`).toEqual(expected.reflection);
      expect(actor.dialogue.map((q) => q.text), `${actor.id} dialogue`).toEqual(expected.dialogue);
    }
  });

  it('prints every question as the seed has it, once the extraction damage is repaired', () => {
    const source = repaired(seed('360-graders-blik'));
    for (const actor of allActors(kit)) {
      for (const q of [...actor.reflection, ...actor.dialogue]) {
        expect(source, q.id).toContain(q.text);
      }
    }
    expect(source).toContain(kit.checklist.intro);
  });
});

describe('the four exercises (seed 000)', () => {
  const source = repaired(seed('fire-enkle-steder-at-starte'));
  const byId = (id: string) => kit.exercises.find((e) => e.id === id)!;

  it('has the four exercises in order, titled as the seed titles them', () => {
    expect(kit.exercises.map((e) => `${e.number}) ${e.title}`)).toEqual([
      '1) Hvem definerer kerneopgaven?',
      '2) En fælles ramme om alle opgaver?',
      '3) For eller sammen med borgerne?',
      '4) Hvilke faggrupper bidrager med hvad?',
    ]);
  });

  it('has every perspective, route, step and question of the seed', () => {
    expect(byId('hvem-definerer').perspectives!.map((p) => p.text)).toEqual([
      'Den formelle kerneopgave, som den er formuleret i love og politiske beslutninger.',
      'Den udførte kerneopgave, I som ledere og fagpersoner løser i praksis.',
      'Den oplevede kerneopgave, som borgerne oplever, at I løser.',
    ]);
    expect(byId('faelles-ramme').routes!.map((r) => r.text)).toEqual([
      'Med udgangspunkt i én formulering af kerneopgaven – fx den formelle – undersøger I, på hvilken måde jeres arbejdsopgaver bidrager til og understøtter kerneopgaven.',
      'Med udgangspunkt i jeres vigtigste arbejdsopgaver, forsøger I at formulere en kerneopgave, der favner dem alle.',
    ]);
    expect(byId('borgerne').questions.map((q) => q.text)).toEqual([
      'Hvordan sikrer vi, at vi i vores definition og udførelse af kerneopgaven har fokus på den værdi, vi skal skabe for borgerne?',
      'Hvordan kan vi være mere lydhøre over for borgernes behov og balancere dem i forhold til vores faglighed og rolle som myndighed?',
      'Kan vi i højere grad inddrage borgernes ressourcer aktivt i vores løsning af kerneopgaven?',
      'Hvordan kan vi give borgerne større ansvar og samskabe velfærdsløsningerne og samtidig agere som myndighed?',
    ]);
    const seedSteps = (id: string) => byId(id).steps.filter((s) => s.origin === 'seed').map((s) => s.text);
    expect(seedSteps('faggrupper')).toEqual([
      'Lederen spiller ud med sit bud på, hvad den fælles kerneopgave kunne være.',
      'Medarbejderne diskuterer udspillet og kommer evt. med rettelser eller tilføjelser.',
      'Medarbejderne opdeles herefter i faggrupper eller funktioner, som diskuterer, hvad netop de bidrager med til den fælles kerneopgave.',
      'Leder og medarbejdere drøfter sammen forskelle og ligheder i de forskellige bud samt konkrete ideer til at forbedre samarbejdet om kerneopgaven.',
    ]);
    expect(seedSteps('hvem-definerer')).toHaveLength(3);
    expect(seedSteps('faelles-ramme')).toHaveLength(2);
  });

  it('quotes the seed word for word wherever a text is marked as the seed\'s', () => {
    // A lost final mark ("løser", "myndighed") is restored; the words are the seed's.
    const seedTexts = kit.exercises.flatMap((e) => [
      e.title,
      e.lead,
      ...(e.method ? [e.method] : []),
      ...(e.advice ? [e.advice] : []),
      ...[...(e.perspectives ?? []), ...(e.routes ?? []), ...e.questions, ...e.steps].filter((i) => i.origin === 'seed').map((i) => i.text),
    ]);
    expect(seedTexts.length).toBeGreaterThan(25);
    for (const text of seedTexts) expect(source, text).toContain(text.replace(/[.?]$/, ''));
  });

  it('gives every step a suggested duration, grouping and, where needed, materials', () => {
    for (const e of kit.exercises) {
      const total = e.steps.reduce((n, s) => n + s.minutes, 0);
      expect(total, e.id).toBeGreaterThanOrEqual(45);
      expect(total, e.id).toBeLessThanOrEqual(75);
      expect(e.steps.some((s) => s.materials.some((m) => 'document' in m && m.document === 'worksheets')), e.id).toBe(true);
    }
  });
});

describe('misunderstandings and metadata', () => {
  it('has the three misunderstandings, saying which one the article names', () => {
    expect(kit.misunderstandings.items.map((m) => [m.id, m.basis])).toEqual([
      ['abstrakt', 'article'],
      ['fastlagt-oppefra', 'research-group'],
      ['egen-faggruppe', 'research-group'],
    ]);
    expect(kit.misunderstandings.items[0]!.origin).toMatch(/Tre typiske misforståelser om kerneopgaven/);
  });

  it('names Fremfærd and the publication dates', () => {
    expect(kit.meta.source.short).toBe('Kilde: Fremfærd, 2015');
    expect(kit.meta.source.publications.map((p) => p.date)).toEqual(['2015-03-03', undefined, '2015-02-18']);
  });

  it('gives every category a colour', () => {
    expect([...kit.categories.values()].map((c) => c.colour).every((c) => /^#[0-9A-F]{6}$/i.test(c))).toBe(true);
    expect(kit.categories.size).toBe(4 + 7 + 1);
  });

  it('numbers cards uniquely from their ids, not their positions', () => {
    const cards = deckCards(kit);
    expect(cards).toHaveLength(48);
    expect(new Set(cards.map((c) => c.number)).size).toBe(48);
    expect(cards.find((c) => c.id === 'tr-bygge-bro')!.number).toMatch(/^TR-[2-9A-Z]{3}$/);
  });
});
