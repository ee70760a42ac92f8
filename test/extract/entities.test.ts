import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractEntities } from '../../src/extract/entities.js';
import { canonicalKey, canonicalizeAcrossDocuments, entityKey } from '../../src/merge/canonical.js';
import { makeContext } from '../../src/extract/text.js';
import cues from '../../src/extract/lexicon/entities-cues.json' with { type: 'json' };
import places from '../../src/extract/lexicon/entities-places.json' with { type: 'json' };
import products from '../../src/extract/lexicon/entities-products.json' with { type: 'json' };
import stop from '../../src/extract/lexicon/entities-stopwords.json' with { type: 'json' };
import suffixes from '../../src/extract/lexicon/entities-org-suffixes.json' with { type: 'json' };
import titles from '../../src/extract/lexicon/entities-titles.json' with { type: 'json' };
import { type Kind, type Row, org, person, place, run } from './entity-rows.js';


describe('organisations', () => {
  it.each<[string, Row[]]>([
    ['Shares of Acme Holdings fell on the news.', [org('Acme Holdings')]],
    ['The deal with Brightwave Technologies closed in May.', [org('Brightwave Technologies')]],
    ['A unit of Northfield Capital bought the stake.', [org('Northfield Capital')]],
    ['The chipmaker Zentrix said demand was strong.', [org('Zentrix')]],
    ['The startup Qorvana raised money from Lumen Ventures.', [org('Qorvana'), org('Lumen Ventures')]],
    ['It competes with rival Plexio in Europe.', [org('Plexio'), place('Europe')]],
    ['Clients such as Varnel, Dostrum and Kelvane signed up.', [org('Varnel'), org('Dostrum'), org('Kelvane')]],
    ['Competitors like Brisk, Harbor, and Keel cut prices.', [org('Brisk'), org('Harbor'), org('Keel')]],
    ['It signed a contract with Tavira, a cloud computing startup based in Lisbon.', [org('Tavira'), place('Lisbon')]],
    ['A Tavira spokesperson declined to comment.', [org('Tavira')]],
    ['Mixed-case brands such as DataForge and zCloud grew fast.', [org('DataForge'), org('zCloud')]],
    ['Investors also included KRX and the fund ALMA.', [org('KRX'), org('ALMA')]],
    ['"We are pleased," a spokesperson told Newswire on Friday.', [org('Newswire')]],
    ['According to Marketscope, sales fell 3%.', [org('Marketscope')]],
    ['Last week, Dailyfeed reported that the talks had stalled.', [org('Dailyfeed')]],
    ['A Harbor Street Journal report said the talks had stalled.', [org('Harbor Street Journal')]],
    ['Analysts at Kestrel Stanton cut their target.', [org('Kestrel Stanton')]],
    ['Volt AI said it would hire 200 people. Later, Volt said the plan had changed.', [org('Volt AI'), org('Volt', 'Volt AI')]],
    ['Crane & Wexley advised the buyer.', [org('Crane & Wexley')]],
    ['The deal needs approval from the U.S. Bureau of Land and Water Management.', [org('U.S. Bureau of Land and Water Management')]],
    ['It spoke for the Port Traders’ Association on Monday.', [org('Port Traders’ Association')]],
    ['Sales of its lead drug, Zelpora, rose. Zelpora is a pill.', []],
    ['Analysts expect Zelpora, Qorvana’s heart pill, to sell well.', [org('Qorvana')]],
    ['Open Mind Labs is hiring. OpenMind Labs said so on Monday.', [org('Open Mind Labs', 'OpenMind Labs'), org('OpenMind Labs')]],
    // A sum behind the rand's R is no part of the name before it.
    ['The tribunal fined Kelvar Cement Holdings R1.2 billion on Tuesday.', [org('Kelvar Cement Holdings')]],
    // An acronym that spells a word: an organisation where the document defines it after the name it abbreviates.
    ['The Wider Harbour Office (WHO) met. Officials said the WHO would act.', [org('Wider Harbour Office'), org('WHO'), org('WHO')]],
    ['Hamburger SC and Al Ahly SC won.', [org('Hamburger SC'), org('Al Ahly SC')]],
    // A sum behind a currency's letters is no part of the name before it either.
    ['The regulator fined Kelvar Cement Holdings KSh250,000 and Varnel Rs500.', [org('Kelvar Cement Holdings'), org('Varnel')]],
    // A word the document also writes in lower case is that word before a title, not an employer.
    ['Tournament director Fiona Marsh said the tournament was sold out.', [person('Fiona Marsh')]],
    ['Brightwave director Fiona Marsh said the tournament was sold out.', [org('Brightwave'), person('Fiona Marsh')]],
  ])('%s', (text, expected) => {
    expect(run(text)).toEqual(expected);
  });
});

describe('people', () => {
  it.each<[string, Row[]]>([
    ['Acme CFO Dana Whitlock said costs would fall.', [org('Acme'), person('Dana Whitlock')]],
    ['Borin Kastellan, the interim CEO, said the plan was on track.', [person('Borin Kastellan')]],
    ['Its founder, Oren Talvik, left in March. Talvik now runs a fund.', [person('Oren Talvik'), person('Talvik', 'Oren Talvik')]],
    ['Dr. Ilse Marrow, a researcher at Eldon University, led the study.', [person('Ilse Marrow'), org('Eldon University')]],
    ['Mr. Tovin declined to comment.', [person('Tovin')]],
    ['Sarah Quell, the chief financial officer of Norvex, spoke first.', [person('Sarah Quell'), org('Norvex')]],
    ['The company hired Michael Brandt as its new chief.', [person('Michael Brandt')]],
    ['Board member Tamsin Oyelaran said the vote was close.', [person('Tamsin Oyelaran')]],
    ['The deal was backed by Kenji Mori’s firm Oakline.', [person('Kenji Mori'), org('Oakline')]],
    ['Prime Minister Alvar Lindqvist met President Ruth Okafor in Oslo.', [person('Alvar Lindqvist'), person('Ruth Okafor'), place('Oslo')]],
    // A post without an article, of somewhere: "director of X".
    ['Patricio Urzua, director of Elvar, said the count was calm.', [person('Patricio Urzua'), org('Elvar')]],
    // A post-nominal is no part of the name, nor makes it a club's.
    ['Conor Tallis SC, for the State, said so. Ann Lee MP agreed.', [person('Conor Tallis'), person('Ann Lee')]],
    // A common noun opening the sentence before a given name and a surname describes the person.
    ['Resident Agnes Whitcombe described the night. Critic Julian Pryce was less kind.', [person('Agnes Whitcombe'), person('Julian Pryce')]],
    ['Royal Victoria Hospital said it was full.', [org('Royal Victoria Hospital')]],
    // A common noun for what a firm does, opening the sentence, describes it; a surname or an adjective opening a
    // name is part of it.
    ['Insurer Harbourgate Insurance has agreed to pay.', [org('Harbourgate Insurance')]],
    ['Baker Hughes Company said no. Silver Lake Partners said yes.', [org('Baker Hughes Company'), org('Silver Lake Partners')]],
    // "boss" and "official" are titles; a heading in capitals holds none.
    ['Corvalis boss Aoife Brennan was asked. Hiroshi Kanda, a former Dasra official, said no.', [org('Corvalis'), person('Aoife Brennan'), person('Hiroshi Kanda'), org('Dasra')]],
  ])('%s', (text, expected) => {
    expect(run(text)).toEqual(expected);
  });
});

describe('places', () => {
  it.each<[string, Row[]]>([
    ['The conference is in Springfield, IL next week.', [place('Springfield')]],
    ['The company moved to Fresno, Calif., last year.', [place('Fresno')]],
    ['The Denver-based lender cut jobs.', [place('Denver')]],
    ['Talks were held in Berlin and Tokyo.', [place('Berlin'), place('Tokyo')]],
    ['Exports to the U.S. rose while those to Canada fell.', [place('U.S.', 'United States'), place('Canada')]],
    ['The firm is headquartered in Maravel.', [place('Maravel')]],
    ['Ships were diverted to Le Vauclair and San Ardo.', [place('Le Vauclair'), place('San Ardo')]],
    ['Cargo piled up in Tervane last week.', [place('Tervane')]],
    ['KELMOUTH, Norway, May 2 (Newswire) - Dockers at Kelmouth went back to work.', [place('KELMOUTH', 'Kelmouth'), place('Norway'), org('Newswire'), place('Kelmouth')]],
    // A given name alone after "in" is a town.
    ['At a press conference in Santiago on Monday she was careful.', [place('Santiago')]],
  ])('%s', (text, expected) => {
    expect(run(text)).toEqual(expected);
  });
});

describe('mentions inside a document', () => {
  it('drops the possessive from the span', () => {
    const text = 'Kestrel Labs’s board met. Kestrel Labs\'s shares rose.';
    expect(run(text)).toEqual([org('Kestrel Labs'), org('Kestrel Labs')]);
  });

  it('names a headline word only when the body names it too', () => {
    const text = 'Borealis Cuts Jobs Amid Market Slump\nThe lender Borealis said it would cut 500 jobs.';
    expect(run(text)).toEqual([org('Borealis'), org('Borealis')]);
  });

  it('names a sentence-initial word when it is a name elsewhere', () => {
    const text = 'The retailer Quillmart opened a store. Quillmart said sales were up.';
    expect(run(text)).toEqual([org('Quillmart'), org('Quillmart')]);
  });

  it('keeps an imperative slogan out even when the verb is also a company stem', () => {
    const text = 'Shares of Grow AI rose. Learn more. Grow faster. Sell smarter.';
    expect(run(text)).toEqual([org('Grow AI')]);
  });

  it('treats a word owned by an organisation as its product', () => {
    const text = 'The startup Nimbra launched Nimbra’s Orbix this week. Orbix costs $20.';
    expect(run(text).map((r) => r[0])).toEqual(['Nimbra', 'Nimbra']);
  });
});

describe('not entities', () => {
  it.each([
    'Translation? Nobody wants to share data.',
    'Basically: less talk, more work.',
    'Key takeaways:',
    'Pivot Time',
    'Why This Deal Actually Matters',
    'Build smarter. Scale faster. Connect deeper.',
    'Ask Jarvis: What happens next?',
    'Read more',
    'The launch is set for June 12 and the review for Wednesday.',
    'It was trained in Unreal 5 on a cluster.',
    'The market sees it as a Switzerland-style neutral player.',
    'It offers tools such as Flowbot and Copymate.',
    'The company is the creator of Sparkly.',
    'It raised $100 million in a Series C round.',
    'The CEO and CFO met the AI team at 3 pm ET.',
    'Contributors hold a PhD in physics.',
    'REGISTER NOW',
    'Leave a Reply',
    'Industry analysts note the risks.',
    'Budget labels from the vendor dropped off.',
    'Other recent news – 3 min. read',
    'American and Chinese firms compete.',
    'Original Source: https://example.com/2025/06/18/story/',
    'Required fields are marked *',
    'Danish and Swiss buyers were keen.',
    'Including the CVR, the offer is worth more.',
    'Transport Minister said nothing.',
    'DOCKSIDE NEWS | Labour & Automation',
    'The IT department met.',
    'Officials said the WHO would send doctors.',
    'The Randomised Evaluation of Nerve Wellness (RENEW) trial and the RENEW data.',
    'Some said (WHO knows) it would rain.',
    // The people of a place, a speaker's "I'll", a rate named after its bank, a currency's letters before a sum.
    'The 29-year-old Queenslander won. Many New Yorkers and Londoners watched.',
    '"To win here, on a Monday — I\'ll never forget it," she said. "And then — I\'m done."',
    'It held the Central Bank Rate at 9%.',
    'Loans cost KSh 1.2 billion, Rs500 crore, RM 2 billion or EUR 5m.',
    'OFFICIAL STATEMENT',
  ])('%s', (text) => {
    expect(run(text)).toEqual([]);
  });
});

describe.skip('backlog: known misses', () => {
  it.each<[string, Row[]]>([
    // A firm named after its founders reads like a person.
    ['The round was led by Andreessen Horowitz.', [org('Andreessen Horowitz')]],
    // A product name made of ordinary words reads like a person.
    ['The Apple Intelligence features arrive in May.', [org('Apple')]],
    // A sentence-initial name with no other cue in the document.
    ['Amazon and Walmart reported strong sales.', [org('Amazon'), org('Walmart')]],
    // Outlet name glued to the date in a scraped byline.
    ['Coin WorldThursday, Jun 19, 2025', [org('Coin World')]],
    // A month that is also a first name is cut off as a date.
    ['May Chen said the vote was close.', [person('May Chen')]],
    // A possessive inside the name.
    ["The People's Bank of China cut rates.", [org("People's Bank of China")]],
  ])('%s', (text, expected) => {
    expect(run(text)).toEqual(expected);
  });
});

describe('lexicons', () => {
  const lists: Array<[string, string[]]> = [
    ['org suffixes', [...suffixes.strong, ...suffixes.weak]],
    ['titles', titles.titles],
    ['title modifiers', titles.titleModifiers],
    ['honorifics', titles.honorifics],
    ['stop acronyms', stop.acronyms],
    ['stop capitalised', stop.capitalised],
    ['function words', stop.functionWords],
    ['org heads', cues.orgHeads],
    ['product heads', cues.productHeads],
    ['reporting verbs', cues.reportingVerbs],
    ['org left', cues.orgLeft],
    ['place left', cues.placeLeft],
    ['state abbreviations', places.stateAbbreviations],
    ['extra places', places.extraPlaces],
    ['products', products.products],
  ];
  it.each(lists)('%s has no duplicates', (_name, list) => {
    const dupes = list.filter((w, i) => list.indexOf(w) !== i);
    expect(dupes).toEqual([]);
  });
});

describe('properties', () => {
  it('never throws and returns exact, possessive-free spans', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => {
        const text = `The startup Acme’s CEO ${s} Dr. ${s} said. ${s}`;
        for (const e of extractEntities(makeContext(text, null))) {
          expect(e.end).toBeGreaterThan(e.start);
          expect(text.slice(e.start, e.end)).not.toMatch(/[’']s$/);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('copes with odd input', () => {
    for (const text of ['', '\u0000\u0001', '“unbalanced', 'A'.repeat(100_000), `${'Word '.repeat(20_000)}\n`, 'x-Y-z'.repeat(1000)]) {
      expect(() => extractEntities(makeContext(text, null))).not.toThrow();
    }
  });
});

// ---- Seed articles against the answer key ----

interface GoldEntity {
  canonical: string;
  type: Kind;
  aliases: string[];
  docs: string[];
  optional?: boolean;
}
interface NotEntity {
  text: string;
  doc: string;
}

const root = join(import.meta.dirname, '../..');
const seedDir = join(root, 'seeds');
const gold = JSON.parse(readFileSync(join(root, '../shared/gold/seeds.gold.json'), 'utf8')) as {
  entities: GoldEntity[];
  not_entities: NotEntity[];
};
const files = readdirSync(seedDir)
  .filter((f) => f.endsWith('.txt'))
  .sort();
const texts = files.map((f) => readFileSync(join(seedDir, f), 'utf8'));
const docIndex = (ref: string) => files.findIndex((f) => f.startsWith(`${ref}_`));

describe('seed articles', () => {
  const found = texts.map((t) => extractEntities(makeContext(t, null)));
  const corpus = canonicalizeAcrossDocuments(found, texts);
  // Per document: the set of kind|key(canonical) after corpus-wide canonicalisation, and every surface written.
  const pairs = found.map((list) => {
    const out = new Map<string, string>();
    for (const e of list) {
      const c = corpus.get(entityKey(e.kind, e.value.canonical)) ?? { kind: e.kind, canonical: e.value.canonical };
      out.set(`${c.kind}|${canonicalKey(c.canonical)}`, `${c.canonical} (${c.kind})`);
    }
    return out;
  });

  it('finds the gold entities (recall >= 0.95) with few extras (precision >= 0.90)', () => {
    let expected = 0;
    let hit = 0;
    const misses: string[] = [];
    for (const g of gold.entities) {
      if (g.optional) continue;
      for (const ref of g.docs) {
        expected++;
        const d = docIndex(ref);
        if ([g.canonical, ...g.aliases].some((a) => pairs[d].has(`${g.type}|${canonicalKey(a)}`))) hit++;
        else misses.push(`${ref}: ${g.canonical} (${g.type})`);
      }
    }
    let total = 0;
    let good = 0;
    const extras: string[] = [];
    pairs.forEach((map, d) => {
      const ref = files[d].slice(0, 3);
      for (const [k, label] of map) {
        total++;
        const ok = gold.entities.some(
          (g) => g.docs.includes(ref) && [g.canonical, ...g.aliases].some((a) => k === `${g.type}|${canonicalKey(a)}`),
        );
        if (ok) good++;
        else extras.push(`${ref}: ${label}`);
      }
    });
    const recall = hit / expected;
    const precision = good / total;
    console.log(
      `entities on seeds: recall ${hit}/${expected} = ${recall.toFixed(3)}, precision ${good}/${total} = ${precision.toFixed(3)}\n` +
        `  misses: ${misses.join('; ') || 'none'}\n  extras: ${extras.join('; ') || 'none'}`,
    );
    expect(recall).toBeGreaterThanOrEqual(0.95);
    expect(precision).toBeGreaterThanOrEqual(0.9);
  });

  it('reports none of the listed non-entities', () => {
    for (const n of gold.not_entities) {
      const d = docIndex(n.doc);
      const written = found[d].map((e) => texts[d].slice(e.start, e.end));
      const names = [...pairs[d].values()];
      expect(written, n.text).not.toContain(n.text);
      expect(names.some((x) => x.startsWith(`${n.text} (`)), n.text).toBe(false);
    }
  });

  it('keeps the verb "scale back" and the slogan "Scale faster" out, and "Open AI" as OpenAI', () => {
    for (let d = 0; d < texts.length; d++) {
      for (const e of found[d]) {
        const after = texts[d].slice(e.end, e.end + 8);
        expect(`${texts[d].slice(e.start, e.end)}${after}`).not.toMatch(/^Scale faster/);
      }
    }
    const d4 = docIndex('004');
    const open = found[d4].find((e) => texts[d4].slice(e.start, e.end) === 'Open AI');
    expect(open?.value.canonical).toBe('OpenAI');
  });

  it('gives every seed surname and one-word stem its full name', () => {
    const d2 = docIndex('002');
    const byText = (t: string) => found[d2].filter((e) => texts[d2].slice(e.start, e.end) === t).map((e) => e.value.canonical);
    expect(new Set(byText('Altman'))).toEqual(new Set(['Sam Altman']));
    expect(new Set(byText('Wang'))).toEqual(new Set(['Alexandr Wang']));
    expect(new Set(byText('Scale'))).toEqual(new Set(['Scale AI']));
  });
});
