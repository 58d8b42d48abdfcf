import { missingGit, type GitRepo } from './git.js';

/**
 * Where a folder stands in git: in no work tree, at the top of one, or inside one whose top is
 * elsewhere (`top`). GitHub reads workflows only from a repository's top `.github/`, so a program
 * repo must be the top of its own work tree.
 */
export type WorkTreePlace = { kind: 'none' } | { kind: 'top' } | { kind: 'inside'; top: string };

export async function workTreePlace(repo: GitRepo): Promise<WorkTreePlace> {
  let output: string;
  try {
    output = await repo.git.raw(['rev-parse', '--show-toplevel', '--show-prefix']);
  } catch (error) {
    const missing = missingGit(error);
    if (missing) throw missing;
    return { kind: 'none' }; // Not a repository (or inside a .git folder, no work tree).
  }
  const [top = '', prefix = ''] = output.split('\n');
  return prefix === '' ? { kind: 'top' } : { kind: 'inside', top };
}
