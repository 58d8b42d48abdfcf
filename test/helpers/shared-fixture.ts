import { existsSync, mkdirSync, renameSync } from 'node:fs';
import path from 'node:path';
import { inject } from 'vitest';

const pause = new Int32Array(new SharedArrayBuffer(4));

/**
 * The folder `name` in the run's shared folder (test/setup/shared-dir.ts), built by `build` once
 * per run: the first worker to ask builds it, the others wait for it. Copy it before changing it.
 */
export function sharedFixture(name: string, build: () => string): string {
  const target = path.join(inject('sharedDir'), name);
  if (existsSync(target)) return target;
  let mine = true;
  try {
    mkdirSync(`${target}.building`);
  } catch {
    mine = false;
  }
  if (mine) {
    renameSync(build(), target);
    return target;
  }
  const deadline = Date.now() + 300_000;
  while (!existsSync(target)) {
    if (Date.now() > deadline) throw new Error(`shared fixture ${name}: another worker began building it and never finished`);
    Atomics.wait(pause, 0, 0, 100);
  }
  return target;
}
