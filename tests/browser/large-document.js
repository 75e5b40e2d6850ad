// A large gloss/3 document, generated: varied sentences (Latin with
// diacritics, Cyrillic, CJK, an emoji now and then) with their annotations
// in code points, as the page would import it. Shared by the large-document
// browser test and bench/render.mjs.

import { random } from '../js/helpers.js';

const PEOPLE = ['Anna Petrova', 'Rustem Umerov', 'Zoë Martín', 'Linda Okafor', 'Ivan Petrov', 'Олена Шевченко', '李明', 'Kwame Mensah', 'Sofia Lindqvist', 'Tomás Ortega'];
const PLACES = ['Kyiv', 'Kraków', 'Lagos', 'Springfield', 'Lviv', '東京', 'Nairobi', 'Montréal', 'Odesa', 'Lisbon'];
const ORGS = ['Reuters', 'NATO', 'the World Bank', 'Gazprom', 'UNICEF'];
const DATES = [
  ['Friday', '2025-12-19'],
  ['Monday', '2025-12-22'],
  ['December 3', '2025-12-03'],
  ['last year', '2024'],
  ['March 2024', '2024-03'],
];
const VERBS = ['met', 'called', 'thanked', 'criticised', 'interviewed'];
const EXTRAS = ['', ' 🎉', ' (again)', ', officials said', ' — and nobody objected'];

/** The text of one annotation-bearing piece, or plain text. */
const piece = (text, label, value) => ({ text, label, value });

/**
 * A document of about `bytes` UTF-8 bytes. Its first and last paragraphs
 * both name FIRST_AND_LAST (nowhere else), and the last names LAST_PLACE
 * (nowhere else), so a test can find the start and the end.
 */
export function largeDocument(bytes, seed = 7) {
  const next = random(seed);
  const pick = (list) => list[Math.floor(next() * list.length)];
  let text = '';
  let codePoints = 0;
  let size = 0;
  const annotations = [];
  const add = (p) => {
    if (p.label) {
      const a = { start: codePoints, end: codePoints + [...p.text].length, label: p.label, text: p.text };
      if (p.value) a.value = p.value;
      a.source = 'model';
      annotations.push(a);
    }
    text += p.text;
    codePoints += [...p.text].length;
    size += Buffer.byteLength(p.text);
  };
  const sentence = (who) => {
    const [when, value] = pick(DATES);
    [piece(who ?? pick(PEOPLE), 'PERSON'), piece(` ${pick(VERBS)} `), piece(pick(PEOPLE), 'PERSON'), piece(' of '), piece(pick(ORGS).replace(/^the /, ''), 'ORG'), piece(' in '), piece(pick(PLACES), 'PLACE'), piece(' on '), piece(when, 'DATE', value), piece(`${pick(EXTRAS)}. `)].forEach(add);
  };
  const paragraph = (special) => {
    const n = 3 + Math.floor(next() * 4);
    for (let i = 0; i < n; i++) sentence(i === 1 ? special : undefined);
    add(piece('\n\n'));
  };
  paragraph(FIRST_AND_LAST);
  while (size < bytes) paragraph();
  paragraph(FIRST_AND_LAST);
  [piece('Finally, '), piece(FIRST_AND_LAST, 'PERSON'), piece(' reached '), piece(LAST_PLACE, 'PLACE'), piece('.')].forEach(add);
  return { format: 'gloss/3', text, reference_date: '2025-12-21', reference_date_source: 'given', annotations };
}

export const FIRST_AND_LAST = 'Odile Fairweather';
export const LAST_PLACE = 'Zanzibar';
