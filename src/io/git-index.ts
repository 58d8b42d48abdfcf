import { ExitCode, MentorError } from '../errors.js';
import { attempt, chunks, MANY_PATHS, type GitRepo } from './git.js';

// Paths git would not commit as mentor writes them, found before anything is written: a file the
// user has hidden from git with a flag in the index (skip-worktree, assume-unchanged: git would
// commit it as deleted, or not at all), or one git ignores and does not track (.gitignore).

const FLAGS = { skip: 'skip-worktree', assume: 'assume-unchanged' } as const;

/** Refuses (exit 2), naming the files and how to clear the cause, when git would not commit one of `files` (relative to the repo) as written. */
export async function assertCommittable(repo: GitRepo, files: readonly string[]): Promise<void> {
  if (files.length === 0) return;
  const asked = new Set(files);
  // `ls-files -v`: a tag and the path (from the current folder, the program's); S is skip-worktree, a lowercase tag assume-unchanged.
  const listed = await attempt('git ls-files', () => repo.git.raw(['ls-files', '-v', '-z', '--', ...(files.length > MANY_PATHS ? ['.'] : files)]));
  const entries = listed.split('\0').filter(Boolean);
  const flagged = entries.flatMap((entry): { file: string; flag: (typeof FLAGS)[keyof typeof FLAGS] }[] => {
    const [tag, file] = [entry.charAt(0), entry.slice(2)];
    if (!asked.has(file)) return [];
    if (tag === 'S' || tag === 's') return [{ file, flag: FLAGS.skip }];
    return tag !== tag.toUpperCase() ? [{ file, flag: FLAGS.assume }] : [];
  });
  if (flagged.length > 0) {
    const first = flagged[0]!;
    throw new MentorError(
      `${listOf(flagged.map(({ file }) => file))} ${flagged.length === 1 ? 'is' : 'are'} marked ${first.flag} in git's index, so git would not commit mentor's change as written; nothing was written.`,
      ExitCode.usage,
      `Clear the mark (git update-index --no-${first.flag} -- ${first.file}${flagged.length > 1 ? ' …' : ''}), then run the command again.`,
    );
  }
  // check-ignore names the paths that match an ignore rule and are not tracked (exit 1 when none), a
  // line each (-z needs --stdin, which simple-git cannot feed); record paths are plain ids and words.
  // Only a file git does not track can be ignored: the new ones, as a rule a few.
  const tracked = new Set(entries.map((entry) => entry.slice(2)));
  const untracked = files.filter((file) => !tracked.has(file));
  const ignored: string[] = [];
  for (const chunk of chunks(untracked)) ignored.push(...(await attempt('git check-ignore', () => repo.git.raw(['-c', 'core.quotePath=false', 'check-ignore', '--', ...chunk]))).split('\n').filter(Boolean));
  if (ignored.length > 0) {
    throw new MentorError(
      `${listOf(ignored)} ${ignored.length === 1 ? 'is' : 'are'} ignored by git (a .gitignore rule), so a commit would not hold ${ignored.length === 1 ? 'it' : 'them'}; nothing was written.`,
      ExitCode.usage,
      `See the rule with \`git check-ignore -v -- ${ignored[0]}\` and remove it, or run the command without --commit.`,
    );
  }
}

/**
 * Those of `files` (relative to the repo's top) that are in git's index exactly as they are in the
 * working tree: staged, and not changed since.
 */
export async function stagedAsTheyAre(repo: GitRepo, files: readonly string[]): Promise<Set<string>> {
  if (files.length === 0) return new Set();
  const inIndex = (await attempt('git ls-files', () => repo.git.raw(['ls-files', '-z', '--', ...files]))).split('\0').filter(Boolean);
  const changed = new Set((await attempt('git diff', () => repo.git.raw(['diff', '--name-only', '-z', '--no-renames', '--relative', '--', ...files]))).split('\0').filter(Boolean));
  return new Set(inIndex.filter((file) => !changed.has(file)));
}

function listOf(files: readonly string[]): string {
  return files.length > 5 ? `${files.slice(0, 5).join(', ')} and ${files.length - 5} more` : files.join(', ');
}
