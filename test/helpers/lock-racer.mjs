// One of many writers racing for the write lock (test/lock-race.test.ts): starts at the agreed
// instant, and while it holds the lock writes `enter` and `leave` lines to a shared journal.
import { appendFileSync } from 'node:fs';
import { acquireWriteLock } from '../../dist/io/lock.js';

const [root, journal, startAt] = process.argv.slice(2);
Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Math.max(0, Number(startAt) - Date.now()));
let lock;
try {
  lock = acquireWriteLock(root, 'race');
} catch (error) {
  if (error?.name === 'MentorError') process.exit(3);
  throw error;
}
appendFileSync(journal, `enter ${process.pid}\n`);
Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 40);
appendFileSync(journal, `leave ${process.pid}\n`);
lock.release();
