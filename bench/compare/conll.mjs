// Scores compromise and Gloss on the same CoNLL-2003 text, side by side.
//
//   npm --prefix bench/compare ci
//   ./scripts/build-wasm.sh
//   node bench/compare/conll.mjs ../shared/data/conll2003/valid.txt
//
// Each document is rebuilt as raw text from its gold tokens (no space before
// closing punctuation, sentences on their own lines), given to both systems,
// and their mentions are scored as exact token spans, conlleval-style, for
// PER, LOC and ORG. compromise's people(), places() and organizations() map to
// PER, LOC and ORG; Gloss's PERSON, PLACE and ORG likewise.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import nlp from 'compromise';
import { initSync, annotate } from '../../pkg/gloss.js';

const file = process.argv[2];
if (!file) {
  console.error('usage: node bench/compare/conll.mjs CONLL_FILE');
  process.exit(2);
}
initSync({ module: readFileSync(fileURLToPath(new URL('../../pkg/gloss_bg.wasm', import.meta.url))) });

const NO_SPACE_BEFORE = new Set([',', '.', ':', ';', '!', '?', ')', ']', '}', "'s", "'S", "n't", "'re", "'ve", "'ll", "'m", "'d", '%']);
const NO_SPACE_AFTER = new Set(['(', '[', '{', '$']);

/** Reads CoNLL into documents: arrays of sentences of [token, tag]. */
function readConll(path) {
  const documents = [];
  let sentence = [];
  let document = [];
  const endSentence = () => { if (sentence.length) document.push(sentence); sentence = []; };
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (line.startsWith('-DOCSTART-')) {
      endSentence();
      if (document.length) documents.push(document);
      document = [];
    } else if (line.trim() === '') {
      endSentence();
    } else {
      const parts = line.split(' ');
      sentence.push([parts[0], parts[parts.length - 1]]);
    }
  }
  endSentence();
  if (document.length) documents.push(document);
  return documents;
}

/** Rebuilds raw text; returns the text, token [start, end) offsets and gold spans. */
function rebuild(document) {
  let text = '';
  const offsets = [];
  const gold = [];
  for (const sentence of document) {
    if (text) text += '\n';
    let previous = null;
    let open = null;
    sentence.forEach(([token, tag], i) => {
      if (previous !== null && !NO_SPACE_BEFORE.has(token) && !NO_SPACE_AFTER.has(previous)) text += ' ';
      const index = offsets.length;
      offsets.push([text.length, text.length + token.length]);
      text += token;
      previous = token;
      const [prefix, type] = tag.split('-');
      if (open && (prefix !== 'I' || type !== open.type)) { gold.push(open); open = null; }
      if (prefix === 'B' || (prefix === 'I' && !open)) open = { type, start: index, end: index + 1 };
      else if (prefix === 'I') open.end = index + 1;
      if (i === sentence.length - 1 && open) { gold.push(open); open = null; }
    });
  }
  return { text, offsets, gold: gold.filter((g) => g.type !== 'MISC') };
}

/** Maps a character span to a token span, or null when it does not align. */
function toTokens(offsets, start, end) {
  const first = offsets.findIndex(([s]) => s === start);
  const last = offsets.findIndex(([, e]) => e === end);
  return first >= 0 && last >= first ? [first, last + 1] : null;
}

const TYPES = ['PER', 'LOC', 'ORG'];
const counts = {};
for (const system of ['compromise', 'gloss']) {
  counts[system] = Object.fromEntries(TYPES.map((t) => [t, { tp: 0, fp: 0, fn: 0 }]));
}

function score(system, offsets, gold, found) {
  const key = (m) => `${m.type}:${m.start}:${m.end}`;
  const goldKeys = new Set(gold.map(key));
  const foundKeys = new Set(found.map(key));
  for (const m of found) counts[system][m.type][goldKeys.has(key(m)) ? 'tp' : 'fp'] += 1;
  for (const g of gold) if (!foundKeys.has(key(g))) counts[system][g.type].fn += 1;
}

/** Strips trailing punctuation compromise keeps inside a match ("Geneva,"). */
function trimmed(text, start, length) {
  let end = start + length;
  while (end > start && /[\s.,;:!?"')]/.test(text[end - 1])) end -= 1;
  return [start, end];
}

const documents = readConll(file);
let compromiseMs = 0;
let glossMs = 0;
for (const document of documents) {
  const { text, offsets, gold } = rebuild(document);

  let t = performance.now();
  const doc = nlp(text);
  const found = [];
  for (const [type, view] of [['PER', doc.people()], ['LOC', doc.places()], ['ORG', doc.organizations()]]) {
    for (const m of view.json({ offset: true })) {
      const span = toTokens(offsets, ...trimmed(text, m.offset.start, m.offset.length));
      found.push(span ? { type, start: span[0], end: span[1] } : { type, start: -1, end: m.offset.start });
    }
  }
  compromiseMs += performance.now() - t;
  score('compromise', offsets, gold, found);

  t = performance.now();
  const result = annotate(text, { reference_date: '1996-08-22', today: '1996-08-22' });
  glossMs += performance.now() - t;
  const chars = Array.from(text); // ASCII here, but count code points as the format says
  const mine = [];
  for (const a of result.annotations) {
    const type = { PERSON: 'PER', PLACE: 'LOC', ORG: 'ORG' }[a.label];
    if (!type) continue;
    const start = chars.slice(0, a.start).join('').length;
    const span = toTokens(offsets, start, start + a.text.length);
    mine.push(span ? { type, start: span[0], end: span[1] } : { type, start: -1, end: start });
  }
  score('gloss', offsets, gold, mine);
}

const f = (x) => x.toFixed(3);
console.log(`${documents.length} documents from ${file}; exact token spans\n`);
console.log('system      type   precision  recall     F1    (tp/fp/fn)');
for (const system of ['compromise', 'gloss']) {
  for (const type of TYPES) {
    const { tp, fp, fn } = counts[system][type];
    const p = tp / Math.max(1, tp + fp);
    const r = tp / Math.max(1, tp + fn);
    const f1 = p + r ? (2 * p * r) / (p + r) : 0;
    console.log(`${system.padEnd(11)} ${type.padEnd(5)}  ${f(p).padStart(9)} ${f(r).padStart(7)} ${f(f1).padStart(7)}    (${tp}/${fp}/${fn})`);
  }
}
console.log(`\ntime: compromise ${(compromiseMs / 1000).toFixed(2)} s, gloss (wasm in Node) ${(glossMs / 1000).toFixed(2)} s`);
