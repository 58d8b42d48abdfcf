import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTree, PACKAGE_ROOT } from './helpers/repo.js';

const RACER = path.join(PACKAGE_ROOT, 'test/helpers/lock-racer.mjs');
const ROUNDS = 15;
const WRITERS = 6;

function deadPid(): number {
  return Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout);
}

/** The writers, started once: each races in every round (starting a node per writer per round cost 90 starts). */
async function startWriters(): Promise<ChildProcess[]> {
  const writers = Array.from({ length: WRITERS }, () => spawn(process.execPath, [RACER], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] }));
  await Promise.all(writers.map((child) => answer(child)));
  return writers;
}

/** The writer's next message, or its exit code if it dies first. */
function answer(child: ChildProcess): Promise<{ code?: number; ready?: boolean }> {
  return new Promise((resolve) => {
    const died = (code: number | null) => resolve({ code: code ?? -1 });
    child.once('exit', died);
    child.once('message', (message) => {
      child.off('exit', died);
      resolve(message as { code?: number; ready?: boolean });
    });
  });
}

/**
 * One round, and the writers' exit codes. Every writer goes for the lock at the same instant, or,
 * when `spread`, 20 ms after the one before, so that some come after a holder has left (as
 * writers started for the round by a busy machine do).
 */
function race(writers: ChildProcess[], root: string, journal: string, spread: boolean): Promise<number[]> {
  const startAt = Date.now() + 300;
  return Promise.all(
    writers.map(async (child, index) => {
      const reply = answer(child);
      child.send({ root, journal, startAt: startAt + (spread ? index * 20 : 0) });
      return (await reply).code ?? -1;
    }),
  );
}

describe('the write lock under a race', () => {
  it(`many writers racing for a dead writer's lock: exactly one holds it at a time, in each of ${ROUNDS} rounds`, async () => {
    const root = makeTree({ 'mentor.config.yaml': 'program: Race\ntimezone: UTC\n' });
    const lock = path.join(root, '.mentor.lock');
    const dead = deadPid();
    const writers = await startWriters();
    try {
      for (let round = 0; round < ROUNDS; round++) {
        writeFileSync(lock, JSON.stringify({ pid: dead, command: 'report', startedAt: '2026-11-23T10:00:00.000Z' }));
        const journal = path.join(root, `.journal-${round}`);
        writeFileSync(journal, '');
        const codes = await race(writers, root, journal, round % 2 === 1);
        expect(codes.every((code) => code === 0 || code === 3), `exit codes ${codes}`).toBe(true);
        const lines = readFileSync(journal, 'utf8').trim().split('\n');
        expect(lines.length, `round ${round}: nobody took the stale lock`).toBeGreaterThanOrEqual(2);
        // enter A, leave A, enter B, leave B, ...: never two holders at once.
        for (let at = 0; at < lines.length; at += 2) {
          const [enter, leave] = [lines[at]!, lines[at + 1]];
          expect(enter.startsWith('enter '), `round ${round}: ${lines.join(', ')}`).toBe(true);
          expect(leave, `round ${round}: ${lines.join(', ')}`).toBe(`leave ${enter.slice('enter '.length)}`);
        }
        expect(existsSync(lock)).toBe(false);
      }
    } finally {
      for (const child of writers) child.disconnect();
    }
  }, 120_000);
});
