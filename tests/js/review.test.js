// The review of unsure findings: which are unsure, and the order N and
// Shift+N step through them.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isUnsure, nextUnsure, UNSURE_BELOW } from '../../www/js/review.js';

const model = (label, confidence) => ({ label, source: 'model', confidence });

test('only the model is ever unsure, and only below the threshold', () => {
  assert.equal(isUnsure(model('PLACE', 0.44)), true);
  assert.equal(isUnsure(model('PLACE', UNSURE_BELOW)), false, 'at the threshold it is sure');
  assert.equal(isUnsure({ label: 'PLACE', source: 'person', confidence: 0.2 }), false, "a person's (kept from an import) is not");
  assert.equal(isUnsure({ label: 'DATE', source: 'rule' }), false, 'a rule has no confidence');
  assert.equal(isUnsure({ label: 'ORG', source: 'model' }), false, 'no confidence, nothing to doubt');
});

test('N and Shift+N step through the unsure findings in text order, wrapping, skipping hidden labels', () => {
  const list = [model('PERSON', 0.99), model('PLACE', 0.5), model('ORG', 0.95), model('ORG', 0.6), { label: 'DATE', source: 'rule' }, model('PERSON', 0.7)];
  assert.equal(nextUnsure(list, -1, false), 1, 'from the top');
  assert.equal(nextUnsure(list, 1, false), 3);
  assert.equal(nextUnsure(list, 3, false), 5);
  assert.equal(nextUnsure(list, 5, false), 1, 'wraps round');
  assert.equal(nextUnsure(list, -1, true), 5, 'backwards from the end');
  assert.equal(nextUnsure(list, 1, true), 5, 'backwards wraps round');
  assert.equal(nextUnsure(list, 2, true), 1, 'from a sure one too');
  assert.equal(nextUnsure(list, 1, false, new Set(['ORG'])), 5, 'a hidden label is skipped');
  assert.equal(nextUnsure(list.filter((a) => !isUnsure(a)), -1, false), -1, 'none');
  assert.equal(nextUnsure([], -1, true), -1);
  assert.equal(nextUnsure([model('PLACE', 0.5)], 0, false), 0, 'the only one is found again');
});
