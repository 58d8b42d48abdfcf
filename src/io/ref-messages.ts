import { ExitCode, MentorError } from '../errors.js';
import { shellWord } from '../domain/text.js';

// mentor's own words for refs git would answer with its own (`bad revision '<sha> ^<sha>'`,
// `bad revision ''`). Pure: the caller in io/git.ts asks git, these say what it means.

/**
 * A ref that names a range or a set of commits (`main..pr`, `main...pr`, `^main`, `pr^@`,
 * `pr^!`, `pr^-`) where one commit is wanted; undefined for a single commit.
 */
export function rangeRefError(ref: string, flag: string): MentorError | undefined {
  const range = /^(.*?)(\.\.\.?)(.*)$/.exec(ref);
  if (range && !ref.includes('@{')) {
    const [, from, dots, to] = range;
    return new MentorError(
      `${flag} ${ref} is a range of commits (${dots === '..' ? 'two dots' : 'three dots'}); ${flag} takes one commit or branch.`,
      ExitCode.usage,
      `Give the branch the changes are compared against${from ? `, e.g. ${flag} ${from}` : ''}${to ? ` (and the other side as --head ${to} where the command takes it)` : ''}; mentor compares from where the branches parted by itself.`,
    );
  }
  if (ref.startsWith('^') || /\^[@!-]\d*$/.test(ref)) {
    return new MentorError(`${flag} ${ref} names a set of commits, not one commit.`, ExitCode.usage, `Give one commit or branch, e.g. ${flag} ${ref.replace(/^\^/, '').replace(/\^[@!-]\d*$/, '')}.`);
  }
  return undefined;
}

/** A base and head with no commit in common: git finds no merge base to compare from. */
export function noMergeBaseError(flag: string, base: string, head: string, shallow: boolean): MentorError {
  return new MentorError(
    `${flag} ${base} and ${head} have no commit in common, so there is nothing to compare from: ${base} is not an ancestor of ${head}, nor are they branches of one history.`,
    ExitCode.usage,
    shallow
      ? 'This is a shallow clone, which hides the common history: fetch it (in GitHub Actions: actions/checkout with fetch-depth: 0).'
      : `Check that ${flag} names the branch the changes were made from (fetch it first: git fetch origin ${shellWord(base)}).`,
  );
}

/** A ref that names an object git has that is no commit: a tree (a commit's files), a blob (a file's text), a tag of one. */
export function notACommitError(flag: string, ref: string, type: string): MentorError {
  const what = type === 'tree' ? 'a tree (the files of a commit), not a commit' : type === 'blob' ? "a blob (one file's contents), not a commit" : `a ${type}, not a commit`;
  return new MentorError(
    `${flag} ${ref} is ${what}.`,
    ExitCode.usage,
    `Pass the commit itself: its sha (git log shows it; on GitHub, the pull request's head sha, github.event.pull_request.head.sha) or a branch name, e.g. ${flag} HEAD.`,
  );
}
