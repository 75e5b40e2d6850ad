/**
 * What the page says about saving, apart from the status line so no other
 * message hides it: the saved/unsaved badge, the warning that stays while
 * saving fails (with Export JSON at hand), the read-only banner of a second
 * tab (with Edit here) and the notice of a kept backup (with Download).
 * @module
 */

import { byId } from './dom.js';
import { failureReason } from './autosave.js';

/** "21:30:05", local time. */
const clock = (ms) => new Date(ms).toLocaleTimeString('en-GB');


/**
 * @param {{exportJson: () => void}} deps
 */
export function createSaveView({ exportJson }) {
  const badge = byId('save-state');
  const warning = byId('save-warning');
  const warningText = byId('save-warning-text');
  const tabBanner = byId('tab-banner');
  const tabText = byId('tab-banner-text');
  const editHere = /** @type {HTMLButtonElement} */ (byId('edit-here'));
  const backup = byId('backup-banner');
  const backupText = byId('backup-banner-text');
  const backupButton = byId('backup-download');
  let onEditHere = () => {};
  let onDownload = () => {};

  byId('save-warning-export').addEventListener('click', () => exportJson());
  editHere.addEventListener('click', () => onEditHere());
  backupButton.addEventListener('click', () => onDownload());

  function setBadge(kind, text) {
    badge.dataset.save = kind;
    badge.textContent = text;
  }

  function warn(text) {
    warningText.textContent = text;
    warning.hidden = false;
  }

  return {
    /** Shows where saving stands (see autosave.js). */
    show(/** @type {import('./autosave.js').SaveStatus} */ status) {
      switch (status.state) {
        case 'saved':
          setBadge('saved', `Saved ${clock(status.savedAt ?? Date.now())}`);
          warning.hidden = true;
          break;
        case 'unsaved':
        case 'saving':
          setBadge('unsaved', 'Unsaved changes');
          break;
        case 'failed':
          setBadge('failed', 'Not saved');
          warn(`Your latest changes are not saved in this browser: ${status.reason ?? failureReason(status.error)}. The last good save is kept, and saving is retried. Export JSON now to keep your work.`);
          break;
        case 'conflict':
          setBadge('failed', 'Not saved');
          warn('Another tab saved newer work, so this tab stopped saving and did not overwrite it. Export JSON to keep what this tab shows.');
          break;
        default:
          break;
      }
    },

    /** Says that saving is unavailable altogether (no IndexedDB). */
    unavailable(reason) {
      setBadge('failed', 'Not saved');
      warn(`Autosave is not available in this browser (${reason}). Export JSON to keep your work.`);
    },

    /**
     * Shows the read-only banner with `text`, or hides it (text null).
     * @param {string|null} text
     * @param {() => void} [editHereAction]
     */
    readOnly(text, editHereAction) {
      tabBanner.hidden = text === null;
      if (text === null) return;
      tabText.textContent = text;
      editHere.disabled = false;
      onEditHere = () => {
        editHere.disabled = true;
        editHereAction?.();
      };
      setBadge('readonly', 'Read-only');
    },

    /** Tells that a saved session was kept as a backup, with a button to download it. */
    backup(text, download) {
      backupText.textContent = text;
      backup.hidden = false;
      onDownload = download;
    },
  };
}

export { clock };
