import { ExitCode, usageError } from '../errors.js';
import { print, printError, say } from '../io/output.js';
import { writeFilesAtomic } from '../io/write.js';
import { checkClaim, cohortOfMember } from '../core/claim.js';
import { cohortState } from '../domain/cohort-state.js';
import { formatInstant } from '../domain/time.js';
import type { CohortEntry } from '../model/program.js';
import type { Cohort } from '../model/schemas.js';
import { tierAbove } from '../domain/tiers.js';
import { applyMemberEdits, type MemberEdit } from '../render/cohort-yaml.js';
import { renderClaimAnswer } from '../render/claim.js';
import { renderClaimJson } from '../render/outcome-json.js';
import { sanitizeInline } from '../render/terminal.js';
import { chooseCohort, loadForCommand, peopleOf, personOfGitUser, unknownCohorts, unknownCohortsError, type Loaded } from './context.js';
import { nextStepAfterCommit, nextStepWithoutCommit, planCommit, writeAndCommit } from './commit-step.js';
import { hoursInOverlappingCohorts } from './week-logs.js';
import { refuseTooLargeRecords } from './record-size.js';

export interface ClaimOptions {
  repo?: string;
  /** The mentor claiming; by default the person of the git user. */
  as?: string;
  cohort?: string;
  commit?: boolean;
  format: 'text' | 'json' | 'markdown';
}

/**
 * The cohort named, else the one open cohort that has the member. A member file with errors still
 * says where the member is: that cohort is chosen, and its errors are what the command says.
 */
export function memberCohort(loaded: Loaded, member: string, cohortId: string | undefined, purpose: 'claim' | 'release'): ReturnType<typeof chooseCohort> | { problem: string } {
  if (cohortId !== undefined) return chooseCohort(loaded, cohortId);
  const { program } = loaded;
  const hasMember = (entry: CohortEntry) => entry.members.has(member) || (program.layout.members.get(entry.id) ?? []).some((file) => file.nameId === member) || listedWithErrors(entry, member);
  const unknown = unknownCohorts(program);
  const found = cohortOfMember(
    [...program.cohorts.values()].filter((entry) => !unknown.includes(entry)).map((entry) => ({ id: entry.id, hasMember: hasMember(entry), finished: cohortState(entry.cohort!, loaded.today) === 'finished', members: [...entry.members.values()] })),
    member,
    purpose,
  );
  // Found in one open cohort that can be read: that one. Otherwise a cohort that cannot be read
  // may be where the member is, and only its errors are the true answer.
  if ('problem' in found && unknown.length > 0) throw unknownCohortsError(unknown, `whether ${member} is a member there`);
  if ('problem' in found) return { problem: found.problem };
  return chooseCohort(loaded, found.id);
}

/** The member is an entry of cohort.yaml's list that its errors left out of the tree (an empty `mentor:`). */
function listedWithErrors(entry: CohortEntry, member: string): boolean {
  const members = (entry.source?.value as { members?: unknown } | undefined)?.members;
  return Array.isArray(members) && members.some((item) => (item as { person?: unknown } | null)?.person === member);
}

/** A refusal said in the format asked for: markdown and JSON answer on stdout (a workflow posts it), text on stderr. */
function refuseClaim(member: string, reason: string, said: { cohort: string | null; mentor: string | null }, format: ClaimOptions['format']): number {
  if (format === 'markdown') print(renderClaimAnswer({ ok: false, member, reason }));
  else if (format === 'json') print(renderClaimJson({ ...said, member, ok: false, problems: [reason], files: [], branch: null }));
  else printError(`mentor: nothing written: ${sanitizeInline(reason)}`);
  return ExitCode.invalid;
}

/**
 * Writes the member edits (each where the member lives), on a new branch with --commit. An edit
 * that would leave a record past the size every command reads is refused first, as assign's is.
 */
export async function writeMemberEdit(loaded: Loaded, entry: ReturnType<typeof chooseCohort>, edit: MemberEdit, branch: string | undefined, message: string, command: 'claim' | 'release'): Promise<string[]> {
  const root = loaded.program.root;
  const edited = applyMemberEdits(entry, [edit]);
  const files = [...edited.keys()];
  const writes = [...edited].map(([file, content]) => ({ file, content }));
  refuseTooLargeRecords(
    writes,
    edited.has(entry.file) ? `Keep the members of ${entry.id} one file each, then run ${command} again: mentor members ${entry.id} --to files` : `Shorten the member's file (its comments, or its history of earlier mentors), then run ${command} again.`,
  );
  // From the default branch when it holds the records as HEAD does (commit-step.ts sameRecords), as log: a pull request never carries the work of the branch checked out.
  const commitPlan = branch !== undefined ? await planCommit(root, branch, files, { fromDefaultBranch: 'where-records-agree' }) : undefined;
  await writeAndCommit(commitPlan, () => writeFilesAtomic(root, writes), message);
  return files;
}

export async function claimCommand(member: string, options: ClaimOptions): Promise<number> {
  const loaded = loadForCommand(options.repo, { lock: 'claim' });
  const { program } = loaded;
  const entry = memberCohort(loaded, member, options.cohort, 'claim');
  // A member in no open cohort (a typo in `/claim`) is answered like any refusal, with who waits.
  if ('problem' in entry) return refuseClaim(member, entry.problem, { cohort: null, mentor: options.as ?? null }, options.format);
  const as = options.as ?? (await claimerFromGit(loaded, member, entry.cohort));
  if (options.as === undefined && options.format === 'text') say(`Claiming as ${as} (the person of your git user; --as names another).`);
  const outcome = checkClaim({
    config: program.config,
    cohort: entry.cohort,
    people: peopleOf(program),
    member,
    as,
    today: loaded.today,
    nowInstant: formatInstant(program.config.timezone, loaded.now),
    elsewhere: hoursInOverlappingCohorts(program, entry.cohort, { warn: true }),
  });
  if (!outcome.ok) return refuseClaim(member, outcome.reason, { cohort: entry.id, mentor: as }, options.format);
  const change = { branch: `claim/${entry.id}/${member}`, message: `Claim ${member} in ${entry.id}: ${outcome.mentor} mentors them` };
  const branch = options.commit ? change.branch : undefined;
  const files = await writeMemberEdit(loaded, entry, { person: member, set: outcome.set }, branch, change.message, 'claim');
  if (options.format === 'markdown') {
    const handle = loaded.program.people.get(member)?.person?.github;
    print(renderClaimAnswer({ ok: true, member, mentor: outcome.mentor, ...(handle !== undefined ? { memberHandle: handle } : {}) }));
  }
  else if (options.format === 'json') print(renderClaimJson({ cohort: entry.id, member, mentor: outcome.mentor, ok: true, problems: [], files, branch: branch ?? null }));
  else {
    say(`${outcome.mentor} now mentors ${member} (${files.join(', ')}).`);
    say(branch !== undefined ? nextStepAfterCommit(branch, 'the claim', program.root) : nextStepWithoutCommit('the change', { ...change, files, root: program.root }));
  }
  return ExitCode.ok;
}

/** Without --as, the claimer is the person of the git user (as `log` finds them), or a usage error saying who could claim. */
async function claimerFromGit(loaded: Loaded, member: string, cohort: Cohort): Promise<string> {
  const person = await personOfGitUser(loaded.program);
  if (person !== undefined) return person;
  const role = cohort.members.find((m) => m.person === member)?.role;
  const tier = role === undefined ? undefined : tierAbove(role);
  const claimers = cohort.members.filter((m) => m.role === tier).map((m) => m.person);
  throw usageError(
    `Who is claiming ${member}? mentor could not tell from your git user which person you are.`,
    `Pass your person id: mentor claim ${member} --as <your id>${claimers.length > 0 ? ` (the ${tier}s of ${cohort.id}: ${claimers.slice(0, 10).join(', ')}${claimers.length > 10 ? ', ...' : ''})` : ''}.`,
  );
}
