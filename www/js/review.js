/**
 * Review of what is unsure: the model's findings below UNSURE_BELOW
 * confidence, marked in the article with a "?" and stepped through in text
 * order with N (Shift+N back), so a person checks the doubtful ones first.
 * @module
 */

/** Below this confidence a model's finding is unsure: marked, suggested for review. */
export const UNSURE_BELOW = 0.9;

/** True for a finding of the model's that it was unsure of (a person's or a rule's never is). */
export function isUnsure(a) {
  return a.source === 'model' && a.confidence !== undefined && a.confidence < UNSURE_BELOW;
}

/**
 * The index of the next unsure annotation after `from` (before it, when
 * `backwards`), wrapping round the article; -1 when there is none. `from`
 * -1 starts from the top (or the end, backwards). Hidden labels are skipped.
 * @param {{label: string, source?: string, confidence?: number}[]} annotations  in text order
 * @param {number} from
 * @param {boolean} backwards
 * @param {ReadonlySet<string>} [hidden]
 */
export function nextUnsure(annotations, from, backwards, hidden = new Set()) {
  const n = annotations.length;
  const wanted = (a) => isUnsure(a) && !hidden.has(a.label);
  for (let step = 1; step <= n; step++) {
    const i = backwards ? (((from < 0 ? n : from) - step) % n + n) % n : (from + step) % n;
    if (wanted(annotations[i])) return i;
  }
  return -1;
}

/**
 * The review's step: from the focused mark (or the one reviewed last) to the
 * next unsure one, which it scrolls to, focuses and flashes; says how far
 * the review is, or that nothing is unsure.
 * @param {object} deps
 * @param {ReturnType<typeof import('./session.js').createPageState>} deps.state
 * @param {{flash: (index: number) => void}} deps.article
 * @param {(message: string, kind?: string) => void} deps.say
 */
export function createReview({ state, article, say }) {
  let last = -1;
  /** @param {number} focused  the focused mark's index, or -1 */
  return function step(focused, backwards) {
    const { annotations } = state.document;
    const from = focused >= 0 ? focused : Math.min(last, annotations.length - 1);
    const next = nextUnsure(annotations, from, backwards, state.hidden);
    if (next < 0) {
      say(`Nothing unsure to review: every finding shown is ${Math.round(UNSURE_BELOW * 100)}% sure or more, or yours.`);
      return;
    }
    last = next;
    let place = 0;
    let total = 0;
    annotations.forEach((a, i) => {
      if (!isUnsure(a) || state.hidden.has(a.label)) return;
      total++;
      if (i <= next) place++;
    });
    const a = annotations[next];
    say(`Unsure ${place} of ${total}: "${a.text}" as ${a.label}, ${Math.round(a.confidence * 100)}% sure. Press a label key to change it, Delete to remove it, N for the next.`);
    article.flash(next);
  };
}
