import { existsSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { usageError } from '../errors.js';
import { CONFIG_FILE } from '../domain/layout.js';
import type { ReadOutcome } from '../model/record-source.js';
import { WorktreeSource } from './worktree-source.js';

export { CONFIG_FILE };

/** The program repo: `--repo`, else the current folder or the nearest parent with a config. */
export function findRepoRoot(repoOption: string | undefined, cwd = process.cwd()): string {
  if (repoOption !== undefined) {
    const root = path.resolve(cwd, repoOption);
    if (!existsSync(root) || !statSync(root).isDirectory()) {
      throw usageError(`There is no folder at ${repoOption}.`, 'Pass --repo the folder that holds mentor.config.yaml.');
    }
    if (!existsSync(path.join(root, CONFIG_FILE))) {
      throw usageError(`${repoOption} is not a program repo: it has no ${CONFIG_FILE}.`, `Run \`mentor init ${repoOption}\` to create one.`);
    }
    return realpathSync(root);
  }
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, CONFIG_FILE))) return realpathSync(dir);
    if (path.dirname(dir) === dir) break;
  }
  throw usageError(`No ${CONFIG_FILE} in this folder or any parent.`, 'Run mentor inside a program repo, pass --repo <dir>, or create one with `mentor init`.');
}

export type { RecordFile } from '../model/layout-scan.js';

/** One record's text from the working tree (see WorktreeSource for what is refused). */
export function readRecord(root: string, relative: string, regular = false): ReadOutcome {
  return new WorktreeSource(root).read(relative, regular);
}
