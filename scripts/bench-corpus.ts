// The benchmark corpus: deterministic articles of about 8 KB made from seeds/ and fixtures/gold/*, with the names of
// people and organisations, the numbers and the months varied by a seeded PRNG, so that merging has real work.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface CorpusOptions {
  /** Number of documents. */
  docs: number;
  /** Target size of one document in bytes (pieces are whole articles, so sizes vary around it). */
  docBytes?: number;
  seed?: number;
}

export interface CorpusInfo {
  dir: string;
  docs: number;
  bytes: number;
  words: number;
}

/** mulberry32: small, fast and the same on every machine. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = ('Ada Bruno Carla Dmitri Elena Farid Greta Hugo Ines Jonas Keiko Liam Mara Nils Olga Pavel Quinn Rosa Sven Tara ' +
  'Umar Vera Wes Xenia Yusuf Zoe Alba Boris Cyril Delia Emil Flora Gil Hana Ivo Jana Kai Lena Milo Nora').split(' ');
const LAST = ('Abernathy Brightman Castellano Dunmore Eckhart Falkner Gallardo Hollis Ivanova Jarvik Kestler Lindgren Marlowe ' +
  'Novak Okonkwo Pellegrini Quiroga Rasmussen Sandoval Thorne Ulrich Valdez Whitlock Xavier Yamada Zeller Ashcombe Bellamy ' +
  'Corrigan Devereux Ellery Fairbanks Garrity Holloway Ingles Jessup Kavanagh Lorimer Merriweather Nakamura').split(' ');
const ROOT = ('Altavera Brightwell Corvana Delmaris Everstone Foxglove Granitex Halberd Istara Juniper Kestrel Lumora Montrose ' +
  'Northvale Orion Pellucid Quarry Redfern Solenne Tidewater Umbra Vantage Westmark Xylo Yarrow Zephyr Ambrose Bexley Cinder Drummond').split(' ');
const SUFFIX = ['Holdings', 'Labs', 'Therapeutics', 'Group', 'Capital', 'Systems', 'Partners', 'Shipping', 'Media', 'Bank'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

interface Base {
  text: string;
  people: string[][];
  orgs: string[][];
}

/** The fixture articles and, from their answer keys, the names to vary (full name first, then shorter aliases). */
export function loadBases(root: string): Base[] {
  const clusters: Array<{ dir: string; gold: string }> = [{ dir: 'seeds', gold: 'fixtures/gold/seeds.gold.json' }];
  for (const f of readdirSync(path.join(root, 'fixtures/gold'))) {
    const dir = path.join('fixtures/gold', f);
    if (existsSync(path.join(root, dir)) && existsSync(path.join(root, `${dir}.gold.json`)) && !f.endsWith('.json')) {
      clusters.push({ dir, gold: `${dir}.gold.json` });
    }
  }
  const bases: Base[] = [];
  for (const c of clusters) {
    const gold = JSON.parse(readFileSync(path.join(root, c.gold), 'utf8')) as { entities: Array<{ type: string; aliases: string[] }> };
    const people = gold.entities.filter((e) => e.type === 'person').map((e) => e.aliases);
    const orgs = gold.entities.filter((e) => e.type === 'organization').map((e) => e.aliases);
    for (const f of readdirSync(path.join(root, c.dir)).sort()) {
      bases.push({ text: readFileSync(path.join(root, c.dir, f), 'utf8'), people, orgs });
    }
  }
  return bases;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** One article with its people, organisations, numbers and months varied. Pools are small so names recur. */
function vary(base: Base, rand: () => number): string {
  const pick = <T>(list: T[]) => list[Math.floor(rand() * list.length)];
  const map = new Map<string, string>();
  for (const aliases of base.people) {
    const first = pick(FIRST);
    const last = pick(LAST);
    for (const a of aliases) map.set(a, a.includes(' ') ? `${first} ${last}` : last);
  }
  for (const aliases of base.orgs) {
    if (aliases.some((a) => a.length <= 3 || /^[A-Z.]+$/.test(a))) continue; // acronyms and agencies stay
    const root = pick(ROOT);
    const full = `${root} ${pick(SUFFIX)}`;
    for (const a of aliases) map.set(a, a.includes(' ') ? full : root);
  }
  const shift = rand() < 0.5 ? Math.floor(rand() * 12) : 0;
  let text = base.text;
  const names = [...map.keys()].sort((a, b) => b.length - a.length).map(escape);
  if (names.length > 0) text = text.replace(new RegExp(`\\b(?:${names.join('|')})\\b`, 'g'), (m) => map.get(m) ?? m);
  if (shift > 0) {
    text = text.replace(new RegExp(`\\b(?:${MONTHS.join('|')})\\b`, 'g'), (m) => MONTHS[(MONTHS.indexOf(m) + shift) % 12]);
  }
  // Numbers: a quarter change by up to 20% (same number of decimals); years and days of the month stay.
  return text.replace(/\b\d+(?:\.\d+)?\b/g, (m) => {
    const n = Number(m);
    if (rand() >= 0.25 || (n >= 1900 && n <= 2100 && !m.includes('.')) || n <= 31) return m;
    const decimals = m.includes('.') ? m.split('.')[1].length : 0;
    return (n * (0.8 + rand() * 0.4)).toFixed(decimals);
  });
}

/** Writes the corpus under dir (emptied first) unless a complete one with the same options is there. */
export function writeCorpus(root: string, dir: string, options: CorpusOptions): CorpusInfo {
  const docBytes = options.docBytes ?? 6800;
  const seed = options.seed ?? 7;
  const stamp = path.join(dir, '.corpus.json');
  const key = JSON.stringify({ docs: options.docs, docBytes, seed, v: 1 });
  if (existsSync(stamp)) {
    const info = JSON.parse(readFileSync(stamp, 'utf8')) as { key: string; info: CorpusInfo };
    if (info.key === key) return { ...info.info, dir };
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const bases = loadBases(root);
  const rand = prng(seed);
  let bytes = 0;
  let words = 0;
  const width = String(options.docs).length;
  for (let i = 0; i < options.docs; i++) {
    const parts: string[] = [];
    let size = 0;
    while (size < docBytes) {
      const piece = vary(bases[Math.floor(rand() * bases.length)], rand);
      parts.push(piece.trimEnd());
      size += Buffer.byteLength(piece) + 2;
    }
    const text = `${parts.join('\n\n')}\n`;
    // Folders of 500 files, as an archive would be laid out.
    const sub = path.join(dir, String(Math.floor(i / 500)).padStart(3, '0'));
    if (i % 500 === 0) mkdirSync(sub, { recursive: true });
    writeFileSync(path.join(sub, `doc-${String(i).padStart(width, '0')}.txt`), text);
    bytes += Buffer.byteLength(text);
    words += countWords(text);
  }
  const info: CorpusInfo = { dir, docs: options.docs, bytes, words };
  writeFileSync(stamp, JSON.stringify({ key, info }));
  return info;
}

export function countWords(text: string): number {
  return text.match(/\S+/g)?.length ?? 0;
}
