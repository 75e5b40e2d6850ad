/** Upper case, with an exclamation mark. */
export function shout(text) {
  return `${text.toUpperCase()}!`;
}
