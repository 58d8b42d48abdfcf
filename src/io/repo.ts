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
    if (!existsSync(root)) throw usageError(`There is no folder at ${repoOption}.`, 'Pass --repo the folder that holds mentor.config.yaml.');
    if (!statSync(root).isDirectory()) throw usageError(`${repoOption} is a file, not a folder.`, 'Pass --repo the folder that holds mentor.config.yaml.');
    if (!existsSync(path.join(root, CONFIG_FILE))) {
      throw usageError(`${repoOption} is not a program repo: it has no ${CONFIG_FILE}.`, `Run \`mentor init ${repoOption}\` to create one.`);
    }
    return realpathSync(root);
  }
  const found = nearestWithConfig(path.resolve(cwd));
  if (found !== undefined) return realpathSync(found);
  throw usageError(`No ${CONFIG_FILE} in this folder or any parent.`, 'Run mentor inside a program repo, pass --repo <dir>, or create one with `mentor init`.');
}

/** The nearest folder above `dir` (not `dir` itself) that holds a program's config, if any. */
export function enclosingProgramRepo(dir: string): string | undefined {
  const resolved = path.resolve(dir);
  return path.dirname(resolved) === resolved ? undefined : nearestWithConfig(path.dirname(resolved));
}

/** `dir` or its nearest parent that holds a program's config. */
function nearestWithConfig(dir: string): string | undefined {
  for (let at = dir; ; at = path.dirname(at)) {
    if (existsSync(path.join(at, CONFIG_FILE))) return at;
    if (path.dirname(at) === at) return undefined;
  }
}

export type { RecordFile } from '../model/layout-scan.js';

/** One record's text from the working tree (see WorktreeSource for what is refused). */
export function readRecord(root: string, relative: string, regular = false): ReadOutcome {
  return new WorktreeSource(root).read(relative, regular);
}
