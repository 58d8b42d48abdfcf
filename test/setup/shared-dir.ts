import { mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { removeOwnedTempDir } from './temp-dir.js';

// One folder for the whole run, where a fixture that several test files use is built once by the
// first worker that needs it (test/helpers/shared-fixture.ts) and copied by the others. Nothing is
// built here: a run of one file pays only for what it uses.

declare module 'vitest' {
  export interface ProvidedContext {
    sharedDir: string;
  }
}

export default function setup(project: TestProject) {
  const dir = realpathSync(mkdtempSync(path.join(tmpdir(), 'mentor-shared-')));
  project.provide('sharedDir', dir);
  return () => {
    rmSync(dir, { recursive: true, force: true });
    removeOwnedTempDir();
  };
}
