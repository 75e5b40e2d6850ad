/**
 * Two tabs, one session: only the tab holding the editing lock (a Web Lock)
 * edits and saves; the others are read-only, follow what it saves, and wait
 * in line for the lock, so one of them edits when the editing tab closes.
 * "Edit here" asks the editing tab, over a BroadcastChannel, to save and let
 * go (the other waiting tabs step back in line), and takes the lock by force
 * only if that tab does not answer in time.
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
 * @property {() => void} onGranted  this tab got the lock while waiting (the editing tab closed or let go)
 * @property {() => void} onLost  the lock was taken without this tab letting go
 * @property {(counter: number) => void} onRemoteSave  the editing tab saved (number `counter`)
 */

/**
 * @param {TabEvents & {tabId: string, locks?: LockManager, Channel?: typeof BroadcastChannel}} deps
 */
export function createEditLock({ tabId, onHandoverRequest, onGranted, onLost, onRemoteSave, locks = globalThis.navigator?.locks, Channel = globalThis.BroadcastChannel }) {
  const channel = Channel ? new Channel(CHANNEL) : null;
  /** Lets the held lock go; null while this tab does not hold it. */
  let release = null;
  /** Cancels this tab's place in line; null when not waiting. */
  let waiting = null;
  /** Resolves take() when a request it made, or the wait in line, is granted. */
  let granted = null;

  /**
   * Requests the lock; `whenGranted` runs once it is held. Resolves true
   * when granted, false when not (ifAvailable) or cancelled before.
   */
  function request(options, whenGranted = () => {}) {
    return new Promise((resolve) => {
      let held = false;
      let mine = null;
      locks
        .request(LOCK, options, (lock) => {
          if (!lock) {
            resolve(false);
            return undefined;
          }
          held = true;
          return new Promise((letGo) => {
            mine = () => {
              release = null;
              letGo();
            };
            release = mine;
            resolve(true);
            whenGranted();
          });
        })
        .catch(() => {
          if (!held) resolve(false);
          else if (release === mine) {
            // Stolen by another tab before this one let go.
            release = null;
            onLost();
            wait();
          }
        });
    });
  }

  /** Queues for the lock behind the tabs already waiting. */
  function wait() {
    if (!locks || waiting || release) return;
    const controller = new AbortController();
    waiting = controller;
    request({ signal: controller.signal }, () => {
      waiting = null;
      if (granted) granted();
      else onGranted();
    }).then((ok) => {
      if (!ok && waiting === controller) waiting = null;
    });
  }

  function stopWaiting() {
    waiting?.abort();
    waiting = null;
  }

  channel?.addEventListener('message', async ({ data }) => {
    if (!data || data.from === tabId) return;
    if (data.type === 'handover') {
      if (release) {
        await onHandoverRequest();
        release?.();
        wait();
      } else if (waiting) {
        // Step back in line behind the tab that asked.
        stopWaiting();
        setTimeout(wait, 0);
      }
    } else if (data.type === 'saved') {
      onRemoteSave(data.counter);
    }
  });

  return {
    /** True when this browser can tell tabs apart (Web Locks); otherwise every tab edits. */
    supported: Boolean(locks),
    /** Takes the lock if no tab holds it (true: this tab may edit); otherwise waits in line for it. */
    async tryAcquire() {
      if (!locks) return true;
      if (await request({ ifAvailable: true })) return true;
      wait();
      return false;
    },
    /** Asks the editing tab to save and let go, then holds the lock (taken by force after a wait). */
    async take() {
      if (!locks || release) return;
      const got = new Promise((resolve) => {
        granted = resolve;
      });
      wait();
      channel?.postMessage({ type: 'handover', from: tabId });
      const timer = new Promise((resolve) => setTimeout(() => resolve(false), HANDOVER_WAIT));
      const inTime = await Promise.race([got.then(() => true), timer]);
      granted = null;
      if (!inTime) {
        stopWaiting();
        await request({ steal: true });
      }
    },
    /** Tells the other tabs that this one saved. */
    announceSave(counter) {
      channel?.postMessage({ type: 'saved', counter, from: tabId });
    },
  };
}
