import { realpathSync } from 'node:fs';
import path from 'node:path';
import { git } from './git-run.js';
import { whereLinkLeads, type HeldAt, type LinkTarget } from '../model/record-source.js';

// Where a symlink leads, for the working tree and for a commit alike: from the link's text, so
// `validate`, `validate --at`, `--changed` and the gate give the same rule and words of one link.

/** Where a link's target that leaves the repo leads on this machine (a commit's link is judged here too). */
export function beyondTheRepo(absolute: string, roots: readonly string[]): LinkTarget {
  try {
    const real = realpathSync(absolute);
    return roots.some((root) => real === root || real.startsWith(root + path.sep)) ? 'inside' : 'outside';
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ELOOP' ? 'loop' : 'nowhere';
  }
}

/** Where the link committed at `link` (its blob `sha`) leads within `commit`, the program folder being `root`. */
export function committedLinkLeads(root: string, commit: string, link: string, sha: string): LinkTarget {
  const text = (object: string) => git(root, ['cat-file', 'blob', object]).toString('utf8');
  const held: HeldAt = (place) => {
    const line = git(root, ['ls-tree', '-z', '--end-of-options', commit, '--', place]).toString('utf8').split('\0')[0] ?? '';
    if (line === '') return undefined;
    const [mode, , object] = line.slice(0, line.indexOf('\t')).split(' ');
    return mode === '120000' ? { link: text(object!) } : 'there';
  };
  let real = path.resolve(root);
  try {
    real = realpathSync(root);
  } catch {
    // Gone meanwhile: the path as given.
  }
  const roots = [path.resolve(root), real];
  return whereLinkLeads(link, text(sha), roots, held, (outside) => beyondTheRepo(outside, roots));
}
