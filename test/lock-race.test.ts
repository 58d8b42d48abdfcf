import { spawn, spawnSync } from 'node:child_process';
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

function race(root: string, journal: string): Promise<number[]> {
  const startAt = Date.now() + 700;
  return Promise.all(
    Array.from({ length: WRITERS }, () => {
      const child = spawn(process.execPath, [RACER, root, journal, String(startAt)], { stdio: ['ignore', 'ignore', 'inherit'] });
      return new Promise<number>((resolve) => child.on('exit', (code) => resolve(code ?? -1)));
    }),
  );
}

describe('the write lock under a race', () => {
  it(`many writers racing for a dead writer's lock: exactly one holds it at a time, in each of ${ROUNDS} rounds`, async () => {
    const root = makeTree({ 'mentor.config.yaml': 'program: Race\ntimezone: UTC\n' });
    const lock = path.join(root, '.mentor.lock');
    const dead = deadPid();
    for (let round = 0; round < ROUNDS; round++) {
      writeFileSync(lock, JSON.stringify({ pid: dead, command: 'report', startedAt: '2026-11-23T10:00:00.000Z' }));
      const journal = path.join(root, `.journal-${round}`);
      writeFileSync(journal, '');
      const codes = await race(root, journal);
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
  }, 120_000);
});
