import { CLAIM_BRANCH } from '../domain/github.js';
import { gitStarted } from './git-run.js';

// The claims this clone knows of: the claim workflow's branches, fetched from GitHub (or made
// here). Each waits for a maintainer's merge; `mentor assign` places members on its own branch
// and cannot see the pull requests themselves.

export interface ClaimBranch {
  member: string;
  login: string;
  /** As git shows it: origin/claim/<cohort>/<member>@<login>, or the local branch's name. */
  branch: string;
}

/** The claim branches of a cohort, local and remote-tracking; none outside a git repository. */
export async function claimBranches(root: string, cohort: string): Promise<ClaimBranch[]> {
  const { stdout, failed } = await gitStarted(root, ['for-each-ref', '--format=%(refname)', 'refs/heads/claim/', 'refs/remotes/']);
  if (failed !== undefined) return [];
  const pattern = new RegExp(`^refs/(?:heads/|remotes/([^/\\s]+)/)(${CLAIM_BRANCH.source})$`);
  const out: ClaimBranch[] = [];
  for (const ref of stdout.split('\n')) {
    const match = pattern.exec(ref);
    if (!match || match[3] !== cohort) continue;
    out.push({ member: match[4]!, login: match[5]!, branch: match[1] === undefined ? match[2]! : `${match[1]}/${match[2]}` });
  }
  return out;
}
