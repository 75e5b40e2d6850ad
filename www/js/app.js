/**
 * The page: loads the core (in its worker: every core call is answered
 * asynchronously, see core.js), makes the page state and the views, and wires
 * them. State flows one way: a view calls a method of the page state
 * (session.js), the state tells every subscriber what changed, and each view
 * redraws what it shows.
 *
 * A new view is a module exporting createXView({state, labels, …}) that
 * builds its DOM once, calls state.subscribe((change) => { if
 * (change.document || change.hidden) render(); }), reads state.document and
 * state.hidden when it renders, and changes anything only through state's
 * methods; start() below creates it. To cost time in proportion to a
 * correction rather than to the document, a view patches what
 * change.patch names (the spans touched, the annotations removed and added:
 * article, legend, found list); a view drawn from the entities skips an
 * `interim` change and draws on the `relinked` one after it (entities, map),
 * and a view in a tab draws only while shown and near the screen
 * (view-tabs.js whenShown), keeping its tab's count current meanwhile.
 *
 * Saving is persist.js's: it restores the saved state, decides which tab
 * edits (a read-only tab refuses every change through the state), and
 * keeps saving; views need do nothing for it.
 * @module
 */

import { loadCore, localToday } from './core.js';
import { byId } from './dom.js';
import { labelTable } from './labels.js';
import { createPageState, isEmpty } from './session.js';
import { openSaved, startPersistence } from './persist.js';
import { clock } from './save-view.js';
import { createStatus } from './status.js';
import { createSourcePanel, fetchSample } from './source-panel.js';
import { createProgress } from './progress-view.js';
import { createArticleView } from './article-view.js';
import { createLegend } from './legend-view.js';
import { createFoundList } from './found-view.js';
import { createActionBar } from './action-bar.js';
import { bindKeys, renderKeyHelp } from './keys.js';
import { createReview } from './review.js';
import { createImportExport } from './import-export.js';
import { bindTabs } from './view-tabs.js';
import { createEntitiesView } from './entities-view.js';
import { createMapView } from './map-view.js';
import { createTimelineView } from './timeline-view.js';

/** Undo and Redo: the buttons, enabled when there is something to step to. */
function bindHistory(state, say) {
  const undoButton = /** @type {HTMLButtonElement} */ (byId('undo'));
  const redoButton = /** @type {HTMLButtonElement} */ (byId('redo'));
  const undo = () => state.undo() && say('Undone.');
  const redo = () => state.redo() && say('Redone.');
  undoButton.addEventListener('click', undo);
  redoButton.addEventListener('click', redo);
  state.subscribe((change) => {
    if (!change.document && !change.readOnly) return;
    undoButton.disabled = !state.canUndo;
    redoButton.disabled = !state.canRedo;
  });
  return { undo, redo };
}

/**
 * `core` with the sample article's annotation begun at once (while
 * persistence starts): the first annotate of the same text and options
 * takes its answer. `stop()` drops it once the page has started.
 */
function withSampleAhead(core, sample) {
  const options = { reference_date: null, today: localToday() };
  let ahead = sample.then((text) => ({ text, found: core.annotate(text, options) }));
  ahead.then(({ found }) => found.catch(() => {}), () => {});
  return {
    core: {
      ...core,
      async annotate(text, given, extra) {
        const early = ahead && (await ahead.catch(() => null));
        ahead = null;
        if (early && early.text === text && given.reference_date === options.reference_date && given.today === options.today) return early.found;
        return core.annotate(text, given, extra);
      },
    },
    stop: () => (ahead = null),
  };
}

async function start() {
  const say = createStatus(byId('status'));
  // Begun while the core loads: the store opens, the sample arrives.
  const saved = openSaved();
  const sample = fetchSample();
  sample.catch(() => {}); // said when it is needed
  let core;
  try {
    core = await loadCore();
  } catch (e) {
    say(e.message, 'error');
    byId('annotate').setAttribute('disabled', '');
    document.body.dataset.state = 'broken';
    return;
  }
  byId('version').textContent = `Gloss ${core.version()}`;
  const labels = labelTable(core.labels);
  const ahead = withSampleAhead(core, sample);
  const state = createPageState({ core: ahead.core, labels, format: core.documentFormat, today: localToday });

  const progress = createProgress({ cancel: core.cancel });
  const article = createArticleView({ state, labels });
  const sourcePanel = createSourcePanel({ state, say, progress, preview: article });
  createLegend({ state, labels });
  createFoundList({ state, labels, article });
  bindTabs(byId('views').querySelector('[role="tablist"]'));
  createEntitiesView({ state, labels, article, say });
  createMapView({ state, article, say });
  createTimelineView({ state, core, labels, article });
  const actionBar = createActionBar({ state, labels, article, sourcePanel, say });
  const { exportJson } = createImportExport({ state, core, say });
  const { undo, redo } = bindHistory(state, say);
  const reviewUnsure = createReview({ state, article, say });
  bindKeys({ labels, actionBar, article, undo, redo, reviewUnsure, canEdit: () => !state.readOnly });
  renderKeyHelp(byId('label-keys'), labels);

  const { outcome, editing, savedAt } = await startPersistence({ state, say, exportJson, saved });
  if (outcome === 'restored' && !isEmpty(state.session)) {
    say(`Restored your last session (saved in this browser at ${clock(savedAt)}).`);
  } else if (!['restored', 'unsaved', 'older'].includes(outcome) && editing && (await sourcePanel.loadSample({ undoable: false }, sample))) {
    say('Loaded a sample article: select words to add an annotation, click a highlight to change it.');
  }
  ahead.stop();
  document.body.dataset.state = 'ready';
  // Small towns (about 0.7 MB) come after start, so the page shows at once;
  // the entities are then resolved again, as the CLI resolves them.
  core.loadTowns().then(
    async () => {
      await state.relink();
      document.body.dataset.towns = 'loaded';
    },
    (e) => say(`${e.message} Places are resolved among cities of 50,000 people or more only.`, 'warning'),
  );
}

start();
