/**
 * Undo and redo over immutable states: a list of past states, the present
 * one and a list of undone ones, bounded so memory stays small.
 * @module
 */

/**
 * @template T
 * @param {T} present
 * @param {number} [limit]  how many past states to keep
 */
export function createHistory(present, limit = 200) {
  /** @type {T[]} */
  let past = [];
  /** @type {T[]} */
  let future = [];
  return {
    /** The current state. */
    get present() {
      return present;
    },
    get canUndo() {
      return past.length > 0;
    },
    get canRedo() {
      return future.length > 0;
    },
    /** Makes `state` current; the old one becomes undoable, redo is cleared. */
    push(state) {
      if (state === present) return;
      past.push(present);
      if (past.length > limit) past = past.slice(past.length - limit);
      present = state;
      future = [];
    },
    /** The undoable states, oldest first, and the undone ones, next redo last (copies). */
    get past() {
      return past.slice();
    },
    get future() {
      return future.slice();
    },
    /** Replaces the current state without an undo step (e.g. a restored autosave), with its own undo and redo lists if given. */
    reset(state, steps = { past: [], future: [] }) {
      past = steps.past.slice(-limit);
      future = steps.future.slice();
      present = state;
    },
    /** Steps back; returns the new current state, or undefined if nothing to undo. */
    undo() {
      if (past.length === 0) return undefined;
      future.push(present);
      present = past.pop();
      return present;
    },
    /** Steps forward again; returns the new current state, or undefined. */
    redo() {
      if (future.length === 0) return undefined;
      past.push(present);
      present = future.pop();
      return present;
    },
  };
}
