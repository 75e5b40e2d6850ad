// Loads a file of its own and imports a module; answers each message with both.
import { shout } from './shared.js';

const data = await (await fetch(new URL('../data.txt', import.meta.url))).text();
self.addEventListener('message', (e) => postMessage(`${shout(e.data)} ${data.trim()}`));
