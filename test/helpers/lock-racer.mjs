// One of many writers racing for the write lock (test/lock-race.test.ts), for as many rounds as the
// test asks over IPC: each round starts at the agreed instant, and while the writer holds the lock
// it writes `enter` and `leave` lines to that round's journal. Each round is answered with the exit
// code a writer started for that round alone would have: 0, or 3 when it found the lock held.
import { appendFileSync } from 'node:fs';
import { acquireWriteLock } from '../../dist/io/lock.js';

const pause = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Math.max(0, ms));

process.on('message', ({ root, journal, startAt }) => {
  pause(startAt - Date.now());
  let lock;
  try {
    lock = acquireWriteLock(root, 'race');
  } catch (error) {
    if (error?.name === 'MentorError') return process.send({ code: 3 });
    throw error;
  }
  appendFileSync(journal, `enter ${process.pid}\n`);
  pause(40);
  appendFileSync(journal, `leave ${process.pid}\n`);
  lock.release();
  process.send({ code: 0 });
});
process.on('disconnect', () => process.exit(0));
process.send({ ready: true });
