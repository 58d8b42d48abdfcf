import { parse } from 'yaml';
import { ExitCode, MentorError } from '../errors.js';
import { changedInBranch, fileAt, filesAt, headCommitTime, isGitRepo, openGit, resolveCommit, refuseOptionLikeRef, type GitRepo } from '../io/git.js';
import { print, styleFor } from '../io/output.js';
import { findRepoRoot, CONFIG_FILE } from '../io/repo.js';
import { judgeChanges, type Owners } from '../core/ownership.js';
import { GITHUB_PATTERN } from '../model/schemas.js';
import { isValidTimeZone } from '../domain/time.js';
import { addWeeks, weekAt } from '../domain/weeks.js';
import { sanitizeInline } from '../render/terminal.js';

export interface CheckPrOptions {
  repo?: string;
  base: string;
  author: string;
  format: 'text' | 'json';
}

export async function checkPrCommand(options: CheckPrOptions): Promise<number> {
  refuseOptionLikeRef(options.base, '--base');
  const author = options.author.replace(/^@/, '');
  if (!GITHUB_PATTERN.test(author)) throw new MentorError(`--author "${sanitizeInline(options.author)}" is not a GitHub handle.`, ExitCode.usage);
  const root = findRepoRoot(options.repo);
  const repo = openGit(root);
  if (!(await isGitRepo(repo))) throw new MentorError('check-pr needs a git repository.', ExitCode.usage, 'Run it in a clone of the program repo.');
  const base = await resolveCommit(repo, options.base, '--base');
  const { mergeBase, files } = await changedInBranch(repo, base);
  // Who may change what is read from the base, never from the pull request itself: a PR that
  // adds its author to the maintainers must not approve itself.
  const owners = await ownersAt(repo, mergeBase);
  const { author: who, verdicts } = judgeChanges(files, author, owners, await lockedBefore(repo, owners));
  const refused = verdicts.filter((verdict) => !verdict.allowed);

  if (options.format === 'json') {
    print(`${JSON.stringify({ ok: refused.length === 0 && (who.maintainer || who.person !== undefined), author: who, base: mergeBase, files: verdicts }, null, 2)}\n`);
  } else {
    const style = styleFor(process.stdout);
    const lines: string[] = [];
    if (!who.maintainer && who.person === undefined) {
      lines.push(style.error(`✖ @${author} is not in people/ (no person file with github: ${author}) and not a maintainer.`));
      lines.push('  Add your person file in a pull request a maintainer approves, or ask a maintainer to review this one.');
    } else {
      lines.push(`Pull request by @${author} (${who.maintainer ? 'maintainer' : `person ${who.person}`}), ${verdicts.length} changed ${verdicts.length === 1 ? 'file' : 'files'}:`);
    }
    for (const verdict of verdicts) {
      const what = verdict.status === 'renamed' ? `${verdict.from} -> ${verdict.path}` : verdict.path;
      lines.push(`  ${verdict.allowed ? style.ok('✔') : style.error('✖')} ${verdict.status.padEnd(8)} ${sanitizeInline(what)}: ${verdict.reason}`);
    }
    if (refused.length > 0) lines.push('', style.error(`${refused.length} ${refused.length === 1 ? 'file' : 'files'} may not be changed by @${author}; a maintainer (${[...owners.maintainers].join(', ') || 'none configured'}) must make or approve these changes.`));
    print(lines.join('\n'));
  }
  return refused.length === 0 && (who.maintainer || who.person !== undefined) ? ExitCode.ok : ExitCode.invalid;
}

/** With lockLogsAfterWeeks: the first week still open, counted back from the pull request's date (its head commit). */
export async function lockedBefore(repo: GitRepo, owners: { lockLogsAfterWeeks?: number; timezone: string }): Promise<string | undefined> {
  if (owners.lockLogsAfterWeeks === undefined) return undefined;
  return addWeeks(weekAt(owners.timezone, await headCommitTime(repo)), -owners.lockLogsAfterWeeks);
}

export async function ownersAt(repo: GitRepo, commit: string): Promise<Owners & { lockLogsAfterWeeks?: number; timezone: string }> {
  const config = await fileAt(repo, commit, CONFIG_FILE);
  const maintainers = new Set<string>();
  let lockLogsAfterWeeks: number | undefined;
  let timezone = 'UTC';
  try {
    const parsed = config === undefined ? undefined : parse(config, { maxAliasCount: 50 });
    for (const handle of Array.isArray(parsed?.maintainers) ? parsed.maintainers : []) if (typeof handle === 'string') maintainers.add(handle.toLowerCase());
    if (Number.isInteger(parsed?.lockLogsAfterWeeks) && parsed.lockLogsAfterWeeks > 0) lockLogsAfterWeeks = parsed.lockLogsAfterWeeks;
    if (typeof parsed?.timezone === 'string' && isValidTimeZone(parsed.timezone)) timezone = parsed.timezone;
  } catch {
    // An unreadable config at the base names no maintainers and locks nothing.
  }
  const personByGithub = new Map<string, string>();
  for (const file of await filesAt(repo, commit, 'people')) {
    const match = /^people\/([a-z0-9][a-z0-9-]{0,62})\.yaml$/.exec(file);
    if (!match) continue;
    try {
      const person = parse((await fileAt(repo, commit, file)) ?? '', { maxAliasCount: 50 });
      if (typeof person?.github === 'string' && !personByGithub.has(person.github.toLowerCase())) personByGithub.set(person.github.toLowerCase(), match[1]!);
    } catch {
      // A person file that cannot be read at the base owns nothing.
    }
  }
  return { maintainers, personByGithub, ...(lockLogsAfterWeeks !== undefined ? { lockLogsAfterWeeks } : {}), timezone };
}
