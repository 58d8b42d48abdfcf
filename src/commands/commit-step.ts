import { ExitCode, MentorError } from '../errors.js';
import { filesInWords } from '../render/words.js';
import { shellWord, shellWords } from '../domain/text.js';
import { checkWritePaths, isWorkingFolder } from '../io/write-path.js';
import { assertCommittable } from '../io/git-index.js';
import { assertCanCommit, commitFiles, createBranch, currentBranch, defaultBranch, dirtyFiles, openGit, refuseExistingBranch, type GitRepo } from '../io/git.js';
import { changedFromHead, currentPlace, filesInHead, restoreCommands, restoreFromHead } from '../io/git-branch.js';
import { COHORTS_DIR, CONFIG_FILE, PEOPLE_DIR, underLogs } from '../domain/layout.js';
import { holdingSignals, signalsHeard } from '../io/interrupt.js';
import { goBack, underWay, type CommitSteps } from './commit-undo.js';

// The shared end of commands that commit: checked before anything is written, then one branch
// and one commit holding exactly the files the command wrote.

export interface CommitPlan {
  repo: GitRepo;
  branch: string;
  files: string[];
  /** Where the branch starts, when not at HEAD (e.g. origin/main). */
  from?: { ref: string; name: string };
  /** The branch is the one checked out (a log fixed on its pull request's branch): the commit goes on it. */
  onBranch?: boolean;
}

/** Records a command's output is built from: a commit of that output needs them committed too. */
export interface RecordsRead {
  /** Who reads them, for the message: "The report". */
  what: string;
  /** Files and folders. */
  files: string[];
}

/**
 * Refuses before any write: a symlink on the way to a file (io/write-path.ts), no git, no identity, the branch exists, the files have uncommitted
 * changes, or records the output is built from (`reads`) are not committed (exit 1, as for its own files). `fromDefaultBranch`: start at the repo's default branch, not HEAD, so a pull request
 * holds only this change and never the work of the branch that happens to be checked out.
 */
export async function planCommit(root: string, branch: string, files: string[], options: { fromDefaultBranch?: boolean | 'where-records-agree'; reads?: RecordsRead; addTo?: string } = {}): Promise<CommitPlan> {
  // The write checks this too; here it refuses before a branch is made.
  checkWritePaths(root, files);
  const repo = openGit(root);
  await assertCanCommit(repo);
  // `addTo` (what the command changes, "the log"): run again on its own branch, it adds a commit there.
  const onBranch = options.addTo !== undefined && (await currentBranch(repo)) === branch;
  let from = options.fromDefaultBranch && !onBranch ? await defaultBranch(repo) : undefined;
  // A change judged on HEAD's records: from the default branch only when it has them as HEAD has.
  if (from && options.fromDefaultBranch === 'where-records-agree' && !(await sameRecords(repo, from.ref, files))) from = undefined;
  if (!onBranch) await refuseExistingBranch(repo, branch, from, options.addTo && `To change ${options.addTo} on it, switch to it (git switch ${shellWord(branch)}) and run the command again. `);
  const dirty = await dirtyFiles(repo, files);
  if (dirty.length > 0) {
    throw new MentorError(`${dirty.join(', ')} ${dirty.length === 1 ? 'has' : 'have'} uncommitted changes; mentor will not mix them into its commit.`, ExitCode.invalid, 'Commit or stash them first (git stash), then run the command again.');
  }
  await assertCommittable(repo, files);
  const unsaved = options.reads ? (await dirtyFiles(repo, options.reads.files)).sort() : [];
  if (unsaved.length > 0) {
    throw new MentorError(
      `${options.reads!.what} reads records that are not committed: ${[...unsaved.slice(0, 5), ...(unsaved.length > 5 ? [`${unsaved.length - 5} more`] : [])].join(', ')}. Its commit would not match the records on its branch (CI's --check would fail there); nothing was written.`,
      ExitCode.invalid,
      'Commit them first (a pull request of their own), or set them aside with `git stash --include-untracked`, then run the command again. Without --commit it writes from them as they are.',
    );
  }
  return { repo, branch, files, ...(from ? { from } : {}), ...(onBranch ? { onBranch } : {}) };
}

/**
 * Whether the commit `ref` names holds the files and every record but logs as HEAD does: a claim,
 * a release or a request is built on those files and judged on those records (the cohort, its
 * members, the people, the config), so on a branch that changed them (a cohort opened by next
 * --commit, a mentor's own person file) its branch starts where they are. Logs (a log --commit
 * left checked out) are no part of the judgement.
 */
async function sameRecords(repo: GitRepo, ref: string, files: readonly string[]): Promise<boolean> {
  const changed = await changedFromHead(repo, ref, [...files, CONFIG_FILE, PEOPLE_DIR, COHORTS_DIR]);
  return changed !== undefined && changed.every((file) => underLogs(file) !== undefined);
}

/**
 * Writes the command's files (`write`); with a plan, on its new branch (made first, from HEAD or
 * the plan's start), then commits exactly them there. When anything fails once the branch is
 * made (a full disk, a signing or hook failure, a locked index), mentor goes back to where the
 * user was: the files as HEAD has them, their branch checked out, the new branch deleted. Where
 * going back fails too, the error says where the user is and the commands that finish it
 * (commit-undo.ts).
 */
export async function writeAndCommit(plan: CommitPlan | undefined, write: () => void, message: string): Promise<'unchanged' | undefined> {
  // Reading the records and working out the change is one synchronous stretch, in which a signal
  // (Ctrl-C) is not heard: it is heard here, and stops mentor before anything is written.
  await signalsHeard();
  if (!plan) return void write();
  if (plan.onBranch) return commitOnBranch(plan, write, message);
  const steps: CommitSteps = { repo: plan.repo, branch: plan.branch, files: plan.files, before: await currentPlace(plan.repo), step: 'branch' };
  const shown = filesInWords(plan.files);
  // A signal meanwhile (Ctrl-C) waits until the commit is made or undone (io/interrupt.ts).
  const after = (outcome: { error: unknown } | object) =>
    'error' in outcome
      ? `and the commit did not go through: ${outcome.error instanceof MentorError ? `${outcome.error.message} ${outcome.error.hint ?? ''}`.trim() : String(outcome.error)}`
      : `after committing ${shown} on the new branch ${plan.branch} (to drop it: git switch ${shellWord(steps.before.branch ?? '-')} && git branch -D ${shellWord(plan.branch)})`;
  await holdingSignals(() => underWay(steps), async () => {
    try {
      await createBranch(plan.repo, plan.branch, plan.from?.ref);
      steps.tracked = await filesInHead(plan.repo, plan.files);
      steps.step = 'write';
      write();
      steps.step = 'commit';
      await commitFiles(plan.repo, plan.files, message);
    } catch (error) {
      throw await goBack(steps, error);
    }
  }, after);
}

/**
 * The commit on the branch checked out: should it fail, the files go back as HEAD has them (they
 * had no uncommitted change). Written as the branch has them already, there is nothing to commit:
 * 'unchanged' (a log run again with the values it holds).
 */
async function commitOnBranch(plan: CommitPlan, write: () => void, message: string): Promise<'unchanged' | undefined> {
  const shown = filesInWords(plan.files);
  const tracked = await filesInHead(plan.repo, plan.files);
  const doing = { doing: `committing ${shown} on ${plan.branch}`, wayOut: `See git status: commit ${shown} there (git add -- ${shellWords(plan.files)} && git commit), or put back what was there: ${restoreCommands(plan.files, tracked)}.` };
  return holdingSignals(() => doing, async () => {
    write();
    if ((await dirtyFiles(plan.repo, plan.files)).length === 0) return 'unchanged' as const;
    try {
      await commitFiles(plan.repo, plan.files, message);
    } catch (error) {
      const back = await restoreFromHead(plan.repo, plan.files, tracked).then(() => true, () => false);
      if (!(error instanceof MentorError)) throw error;
      const state = back ? `Nothing was written: ${shown} is as ${plan.branch} has it.` : `${shown} is written but not committed; to put it back: ${restoreCommands(plan.files, tracked)}.`;
      throw new MentorError(`${error.message.replace(/\.?$/, '.')} ${state}`, error.exitCode, error.hint ?? 'Fix the cause, then run the command again.');
    }
    return undefined;
  }, (outcome) => ('error' in outcome ? 'and the commit did not go through; the files are as they were' : `after committing ${shown} on ${plan.branch}`));
}

/**
 * What to do after a command wrote a change without --commit: it counts once merged. The git
 * commands are spelt out, for someone who has never made a branch.
 */
export function nextStepWithoutCommit(what: string, change: { root: string; branch: string; files: readonly string[]; message: string }): string {
  return [
    `Next: put ${what} on a branch of its own and open a pull request; it counts once merged:`,
    // The paths are the repo's: from another folder (--repo) git would find no repo, or not these files.
    ...(isWorkingFolder(change.root) ? [] : [`  cd ${shellWord(change.root)}`]),
    `  git switch -c ${shellWord(change.branch)}`,
    `  git add ${shellWords(change.files)}`,
    `  git commit -m ${shellWord(change.message)}`,
    `  git push -u origin ${shellWord(change.branch)}`,
    'then open the pull request from the link that the push prints. (Next time, --commit makes the branch and the commit for you.)',
  ].join('\n');
}

export function nextStepAfterCommit(branch: string, what: string, root: string, from?: { name: string }, onBranch: boolean | 'unchanged' = false): string {
  const cd = isWorkingFolder(root) ? [] : [`  cd ${shellWord(root)}`];
  const committed = onBranch === 'unchanged' ? `Nothing to commit: ${what} on ${branch}, the branch you are on, holds these values already.` : onBranch ? `Committed ${what} on ${branch}, the branch you are on.` : `Committed ${what} on the new branch ${branch}${from ? ` (from ${from.name})` : ''}.`;
  const next = onBranch === 'unchanged' ? 'If it is not pushed yet, push it:' : onBranch ? 'Next: push it (its pull request, once open, shows the new commit):' : 'Next: push it and open a pull request:';
  return [committed, next, ...cd, `  git push -u origin ${shellWord(branch)}`].join('\n');
}
