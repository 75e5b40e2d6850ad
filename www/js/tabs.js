/**
 * Two tabs, one session: only the tab holding the editing lock (a Web Lock)
 * edits and saves; the others are read-only and follow what it saves. "Edit
 * here" asks the editing tab, over a BroadcastChannel, to save and let go,
 * then takes the lock (stealing it if that tab does not answer in time).
 * @module
 */

/** The lock and channel names: one session per origin. */
const LOCK = 'gloss:edit';
const CHANNEL = 'gloss:tabs';
/** How long (ms) "Edit here" waits for the editing tab to save and let go before taking the lock. */
const HANDOVER_WAIT = 3000;

/**
 * @typedef {object} TabEvents
 * @property {() => Promise<void>} onHandoverRequest  another tab asks to edit: stop editing, save, then resolve
 * @property {() => void} onLost  the lock was taken without this tab letting go
 * @property {(counter: number) => void} onRemoteSave  the editing tab saved (number `counter`)
 */

/**
 * @param {TabEvents & {tabId: string, locks?: LockManager, Channel?: typeof BroadcastChannel}} deps
 */
export function createEditLock({ tabId, onHandoverRequest, onLost, onRemoteSave, locks = globalThis.navigator?.locks, Channel = globalThis.BroadcastChannel }) {
  const channel = Channel ? new Channel(CHANNEL) : null;
  /** Resolves the held lock's promise: lets the lock go. */
  let release = null;

  channel?.addEventListener('message', async ({ data }) => {
    if (!data || data.from === tabId) return;
    if (data.type === 'handover' && release) {
      await onHandoverRequest();
      release?.();
    } else if (data.type === 'saved') {
      onRemoteSave(data.counter);
    }
  });

  /** Requests the lock with `options`; resolves true once held, false when not granted; rejects when aborted first. */
  function request(options) {
    return new Promise((resolve, reject) => {
      let granted = false;
      let mine = null;
      locks
        .request(LOCK, options, (lock) => {
          if (!lock) {
            resolve(false);
            return undefined;
          }
          granted = true;
          return new Promise((r) => {
            mine = () => {
              release = null;
              r();
            };
            release = mine;
            resolve(true);
          });
        })
        .catch((e) => {
          if (!granted) reject(e);
          else if (release === mine) {
            // Stolen by another tab before this one let go.
            release = null;
            onLost();
          }
        });
    });
  }

  return {
    /** True when this browser can tell tabs apart (Web Locks); otherwise every tab edits. */
    supported: Boolean(locks),
    /** True while this tab holds the lock. */
    get holding() {
      return release !== null;
    },
    /** Takes the lock if no tab holds it; resolves true when this tab may edit. */
    async tryAcquire() {
      if (!locks) return true;
      return request({ ifAvailable: true });
    },
    /** Asks the editing tab to save and let go, then takes the lock (by force after a wait). */
    async take() {
      if (!locks) return;
      channel?.postMessage({ type: 'handover', from: tabId });
      try {
        await request({ signal: AbortSignal.timeout(HANDOVER_WAIT) });
      } catch {
        await request({ steal: true });
      }
    },
    /** Tells the other tabs that this one saved. */
    announceSave(counter) {
      channel?.postMessage({ type: 'saved', counter, from: tabId });
    },
  };
}
