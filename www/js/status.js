/**
 * The status line: one message at a time, read out by screen readers
 * (an alert for errors, a polite status otherwise).
 * @module
 */

/**
 * @param {HTMLElement} element
 * @returns {(message: string, kind?: 'info'|'warning'|'error') => void}  shows a message
 */
export function createStatus(element) {
  return function say(message, kind = 'info') {
    element.textContent = message;
    element.dataset.kind = kind;
    element.setAttribute('role', kind === 'error' ? 'alert' : 'status');
  };
}
