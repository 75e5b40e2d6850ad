/**
 * Plain text from pasted HTML: the words a reader sees, with paragraph
 * breaks kept and all markup dropped. The HTML is parsed with DOMParser into
 * an inert document (no script runs, nothing loads) and never enters the page.
 * @module
 */

/** Elements whose content is not text a reader sees. */
const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'head', 'title', 'iframe', 'object', 'svg', 'math', 'canvas', 'video', 'audio', 'select', 'button', 'img']);
/** Elements that end a line. */
const LINES = new Set(['li', 'tr', 'dt', 'dd', 'caption', 'option']);
/** Blocks: a blank line before and after, as between paragraphs. */
const BLOCKS = new Set(['p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'ul', 'ol', 'dl', 'table', 'section', 'article', 'header', 'footer', 'aside', 'nav', 'main', 'figure', 'figcaption', 'address', 'hr', 'details', 'summary', 'form', 'fieldset', 'center']);

/**
 * @param {string} html  e.g. a clipboard's text/html
 * @returns {string}  the text; '' when the HTML shows none
 */
export function htmlToText(html) {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  let out = '';
  let breaks = 0; // line breaks owed before the next text
  let space = false; // a collapsed space owed before the next text
  const write = (text) => {
    if (text === '') return;
    if (out !== '' && breaks > 0) out += '\n'.repeat(breaks);
    else if (out !== '' && space) out += ' ';
    breaks = 0;
    space = false;
    out += text;
  };
  const lineBreak = (n) => {
    breaks = Math.max(breaks, n);
  };
  const walk = (node, pre) => {
    for (const child of node.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) {
        if (pre) {
          write(child.data);
          continue;
        }
        // Outside <pre>, a run of white space shows as one space.
        child.data.split(/[ \t\n\r\f]+/).forEach((word, i) => {
          if (i > 0) space = true;
          write(word);
        });
      } else if (child.nodeType === Node.ELEMENT_NODE) {
        const tag = child.localName;
        if (SKIPPED.has(tag)) continue;
        if (tag === 'br') {
          breaks = Math.min(breaks + 1, 2);
          continue;
        }
        const gap = BLOCKS.has(tag) ? 2 : LINES.has(tag) ? 1 : 0;
        lineBreak(gap);
        if (tag === 'td' || tag === 'th') space = true;
        walk(child, pre || tag === 'pre');
        lineBreak(gap);
      }
    }
  };
  walk(doc.body, false);
  return out;
}
