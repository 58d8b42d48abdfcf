import { MentorError } from '../errors.js';
import { shellWord, shellWords } from '../domain/text.js';
import { filesInWords } from '../render/words.js';
import { currentBranch, type GitRepo } from '../io/git.js';
import type { Doing } from '../io/interrupt.js';
import { branchCommit, deleteBranchAt, filesInHead, pointHeadAt, restoreCommands, restoreFromHead, switchBranch, type Place } from '../io/git-branch.js';

// Going back when a --commit fails once its branch is made (commands/commit-step.ts), and what to
// say when mentor cannot: where the user is, and the git commands that finish the job.

export interface CommitSteps {
  repo: GitRepo;
  branch: string;
  files: string[];
  /** Where the user was before the branch was made. */
  before: Place;
  /** What is under way: the branch, the write, the commit, or going back. */
  step: 'branch' | 'write' | 'commit' | 'back';
  /** Of the files, those HEAD has; known once the branch is made. */
  tracked?: Set<string>;
  /** The new branch is at the user's commit: going back points HEAD back, without a checkout. */
  sameCommit?: boolean;
}

/** Where a failed --commit leaves the user; 'nowhere': HEAD still names the new branch, deleted. */
interface Where {
  head: 'new' | 'before' | 'nowhere' | 'unknown';
  filesBack: boolean;
  branchLeft: boolean;
}

/** What is under way and, should mentor be stopped at once (a second signal), how the user finishes by hand. */
export function underWay(steps: CommitSteps): Doing {
  const { branch, before } = steps;
  // Words of the git commands printed for the user to run: the user's own branch can hold any character git allows.
  const [back, newBranch, listed] = [shellWord(before.branch ?? '-'), shellWord(branch), shellWords(steps.files)];
  const shown = filesInWords(steps.files);
  const restore = restoreCommands(steps.files, steps.tracked ?? new Set(steps.files));
  if (steps.step === 'branch') return { doing: `making the branch ${branch}`, wayOut: `Nothing was written. If git made the branch ${branch}, drop it: git switch ${back} && git branch -D ${newBranch}.` };
  if (steps.step === 'back') {
    const commands = steps.sameCommit ? `git symbolic-ref HEAD ${shellWord(`refs/heads/${before.branch ?? '-'}`)} && ${restore}` : `${restore} && git switch ${back}`;
    return { doing: `going back to ${before.branch ?? 'where you were'} from the new branch ${branch}`, wayOut: `See where you are with git status; to finish going back: ${commands} && git branch -D ${newBranch} (git says so if the branch is already deleted).` };
  }
  return {
    doing: `${steps.step === 'write' ? 'writing' : 'committing'} ${shown} on the new branch ${branch}`,
    wayOut: `You are on the new branch ${branch} with ${shown} written; git may not have finished the commit (see git status and git log). To keep the change, commit it there if it is not (git add -- ${listed} && git commit); to go back: ${restore} && git switch ${back} && git branch -D ${newBranch}.`,
  };
}

/**
 * Undoes what the failed branch, write and commit did, step by step, and returns the error to
 * throw, saying how far that got. When the new branch is at the user's commit, it is deleted
 * first: that frees room (a full disk has none left), and HEAD then goes back without a checkout.
 */
export async function goBack(steps: CommitSteps, error: unknown): Promise<unknown> {
  const { repo, branch, files, before } = steps;
  const head = await currentBranch(repo).catch(() => undefined);
  const at = await branchCommit(repo, branch);
  // Nothing is written until the branch is made and checked out.
  const start: Where = { head: head === branch ? 'new' : head === before.branch ? 'before' : 'unknown', filesBack: steps.step === 'branch', branchLeft: at !== undefined };
  steps.step = 'back';
  const where = { ...start };
  const tracked = steps.tracked ?? (await filesInHead(repo, files).catch(() => undefined));
  steps.sameCommit = at !== undefined && at === before.commit;
  let failure: unknown;
  const step = async (run: () => Promise<void>, then: () => void): Promise<boolean> => {
    try {
      await run();
      then();
      return true;
    } catch (stepError) {
      failure ??= stepError;
      return false;
    }
  };
  const restore = () => step(() => (tracked ? restoreFromHead(repo, files, tracked) : Promise.reject(new Error('git ls-tree failed'))), () => (where.filesBack = true));
  const deleteNew = () => step(() => deleteBranchAt(repo, branch, at!), () => ((where.branchLeft = false), where.head === 'new' && (where.head = 'nowhere')));
  const pointBack = () => step(() => pointHeadAt(repo, before.branch!), () => (where.head = 'before'));
  const switchBack = () => step(() => switchBranch(repo, before.branch!), () => (where.head = 'before'));
  if (before.branch !== undefined && before.commit !== undefined && at !== undefined) {
    if (where.head === 'new' && steps.sameCommit) {
      if (await deleteNew()) {
        if (await pointBack()) await restore();
      } else if (await restore()) {
        await pointBack();
      }
    } else if (where.head === 'new') {
      if ((await restore()) && (await switchBack())) await deleteNew();
    } else if (where.head === 'before' && where.branchLeft) {
      await deleteNew();
    }
  }
  if (!(error instanceof MentorError)) return error;
  return said(steps, error, start, where, failure, tracked);
}

/** The error with where the user is now, and the commands that finish going back. */
function said(steps: CommitSteps, error: MentorError, start: Where, where: Where, failure: unknown, tracked: Set<string> | undefined): MentorError {
  const { branch, files, before } = steps;
  const back = before.branch ?? '-';
  const listed = shellWords(files);
  const shown = filesInWords(files);
  const one = files.length === 1;
  const withState = (state: string, hint: string | undefined) => new MentorError(`${error.message}${/[.!?]$/.test(error.message) ? '' : '.'} ${state}`, error.exitCode, hint);
  if (where.head === 'before' && where.filesBack && !where.branchLeft) {
    const untouched = start.head === 'before' && start.filesBack && !start.branchLeft;
    if (untouched) return withState(`Nothing was written; you are on ${back} as before.`, error.hint);
    return withState(`mentor went back: you are on ${back} as before, ${shown} as ${one ? 'it was' : 'they were'}, and the branch ${branch} is deleted. Nothing was written.`, error.hint ?? 'Fix the cause, then run the command again.');
  }
  const why = failure === undefined ? '' : `Going back failed too (${failure instanceof Error ? failure.message : String(failure)}). `;
  const written = `${shown} ${one ? 'is' : 'are'} written but not committed`;
  const state = {
    new: `You are on the new branch ${branch}${where.filesBack ? `, and ${shown} ${one ? 'is' : 'are'} as before: nothing is written.` : `, with ${shown} written but not committed.`}`,
    before: `You are on ${back} as before${where.filesBack ? ' and nothing is written' : `, and ${written}`}${where.branchLeft ? `, but the new branch ${branch} is left.` : `; the new branch ${branch} is deleted.`}`,
    nowhere: `HEAD still names the new branch ${branch}, which mentor deleted (git shows a branch with no commits)${where.filesBack ? '; nothing is written.' : `, and ${written}.`}`,
    unknown: `mentor cannot tell which branch is checked out (see git status); ${where.filesBack ? 'nothing is written.' : `${written}.`}`,
  }[where.head];
  const commands = [
    where.head === 'nowhere' && `git symbolic-ref HEAD ${shellWord(`refs/heads/${back}`)}`,
    !where.filesBack && before.commit !== undefined && restoreCommands(files, tracked ?? new Set(files)),
    // --merge: a switch git began and could not finish (a full disk) left files of the other branch; a plain switch would refuse them.
    (where.head === 'new' || where.head === 'unknown') && before.commit !== undefined && `git switch ${steps.sameCommit ? '' : '--merge '}${shellWord(back)}`,
    where.branchLeft && before.commit !== undefined && `git branch -D ${shellWord(branch)}`,
  ].filter((command): command is string => typeof command === 'string' && command !== '');
  const them = one ? 'it' : 'them';
  const hint =
    where.head === 'new' && !where.filesBack
      ? `Once the cause is fixed, commit ${them} there (git add -- ${listed} && git commit)${commands.length > 0 ? `, or drop ${them} and go back: ${commands.join(' && ')}` : ''}.`
      : commands.length === 0
        ? 'See where you are with git status.'
        : commands.length === 1 && where.branchLeft
          ? `Delete it: ${commands[0]}.`
          : `${where.head === 'before' ? 'Finish going back' : 'Go back'}: ${commands.join(' && ')}.`;
  return withState(`${why}${state}`, [causeFix(error.hint), hint].filter(Boolean).join(' '));
}

/** The cause's own advice, without its "then run the command again": the way back comes first. */
function causeFix(hint: string | undefined): string | undefined {
  return hint?.replace(/[,;] then (?:run the command|try) again\.$/i, '.').replace(/\s*Then run the command again\.$/, '');
}
