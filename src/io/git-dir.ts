import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * The git directory of the work tree that holds `start`: its `.git` folder, or where a `.git`
 * file points (a linked `git worktree`, a submodule). Read from the files, without running git,
 * since commands that write ask for it before anything else.
 */
export function findGitDir(start: string): string | undefined {
  for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
    const dotGit = path.join(dir, '.git');
    let stats;
    try {
      stats = statSync(dotGit);
    } catch {
      stats = undefined;
    }
    if (stats?.isDirectory()) return dotGit;
    if (stats?.isFile()) return pointedGitDir(dotGit);
    if (path.dirname(dir) === dir) return undefined;
  }
}

/** A `.git` file holds one line, `gitdir: <path>`, the path relative to the file's folder. */
function pointedGitDir(dotGitFile: string): string | undefined {
  let text: string;
  try {
    text = readFileSync(dotGitFile, 'utf8');
  } catch {
    return undefined;
  }
  const match = /^gitdir: (.+?)\r?\n?$/m.exec(text);
  if (!match) return undefined;
  const target = path.resolve(path.dirname(dotGitFile), match[1]!);
  try {
    return statSync(target).isDirectory() ? target : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The nearest folder at or above `dir` that is git's own folder: a bare repository, or the .git
 * folder of a work tree (it holds HEAD, objects/ and refs/). Records are never kept there: mentor
 * writing into one would put files beside git's own, and a bare repo's clones would never see them.
 */
export function enclosingGitDir(dir: string): string | undefined {
  for (let at = path.resolve(dir); ; at = path.dirname(at)) {
    if (isKind(path.join(at, 'HEAD'), 'file') && isKind(path.join(at, 'objects'), 'dir') && isKind(path.join(at, 'refs'), 'dir')) return at;
    if (path.dirname(at) === at) return undefined;
  }
}

function isKind(absolute: string, kind: 'file' | 'dir'): boolean {
  try {
    const stats = statSync(absolute);
    return kind === 'file' ? stats.isFile() : stats.isDirectory();
  } catch {
    return false;
  }
}
