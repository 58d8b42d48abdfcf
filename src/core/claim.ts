import { directMenteeCounts, maxMenteesOf, plannedHours, roomFor, roundHours } from '../domain/commitments.js';
import { budgetLeft, type ElsewhereHours } from '../domain/cross-cohort.js';
import { awayUntil, isPaused } from '../domain/cohort-state.js';
import { tierAbove, type Role } from '../domain/tiers.js';
import type { Cohort, Config, Member, Person } from '../model/schemas.js';
import { memberFile, personFile } from '../domain/layout.js';
import { closest } from '../model/suggest.js';

// Claiming a waiting member and releasing a placed one: the hard rules of assignment for one
// pair, and the edit each makes. Pure: records and "now" are arguments. The gate judges the same
// edits at the base branch (core/pull-request/judge.ts), so what passes here passes there.

export interface ClaimInput {
  config: Config;
  cohort: Cohort;
  people: ReadonlyMap<string, Person | undefined>;
  member: string;
  /** `id`, or `@handle` for a GitHub login (the /claim workflow passes the commenter's). */
  as: string;
  today: string;
  nowInstant: string;
  elsewhere?: ReadonlyMap<string, ElsewhereHours>;
}

export type ClaimOutcome = { ok: true; mentor: string; set: { mentor: string; assignedAt: string } } | { ok: false; reason: string };

/** The person `--as` names: an id, else (or with a leading @) a GitHub handle. */
export function resolvePerson(people: ReadonlyMap<string, Person | undefined>, as: string): string | undefined {
  const handle = as.startsWith('@') ? as.slice(1).toLowerCase() : undefined;
  if (handle === undefined && people.has(as)) return as;
  const wanted = handle ?? as.toLowerCase();
  return [...people].find(([, person]) => person?.github?.toLowerCase() === wanted)?.[0];
}

export function checkClaim(input: ClaimInput): ClaimOutcome {
  const { config, cohort, people } = input;
  const id = cohort.id;
  const mentor = resolvePerson(people, input.as);
  if (mentor === undefined) return { ok: false, reason: unknownPerson(people, input.as) };
  const member = cohort.members.find((m) => m.person === input.member);
  if (!member) return { ok: false, reason: unknownMember(input.member, `cohort ${id}`, cohort.members, 'claim') };
  if (member.mentor !== undefined) return { ok: false, reason: member.mentor === mentor ? `${input.member} is already yours.` : `${input.member} is taken: ${member.mentor} mentors them.` };
  const back = awayUntil(people.get(input.member), input.today);
  // DESIGN: one away (pausedUntil) is not assigned, by assign or by a claim.
  if (back !== undefined) return { ok: false, reason: `${input.member} is away until ${back} (pausedUntil in ${personFile(input.member)}) and is placed with no one before then: claim them from ${back}.` };
  const tier = tierAbove(member.role);
  const own = cohort.members.find((m) => m.person === mentor);
  if (tier === undefined) return { ok: false, reason: `${input.member} is a lead: leads have no mentor.` };
  if (own?.role !== tier) {
    // A person of the program in no cohort yet (an offer to mentor, merged): a maintainer places them first.
    const place = own ? '' : ` A maintainer first adds ${mentor} to it as a ${tier} (${memberFile(id, mentor)} with \`role: ${tier}\`${tier === 'mentor' ? ' and their lead as `mentor:`' : ''}).`;
    return { ok: false, reason: `${input.member} is a ${member.role}: only a ${tier} of cohort ${id} may claim them, and ${mentor} is ${own ? `a ${own.role}` : 'not a member'} there.${place}` };
  }
  const person = people.get(mentor);
  if (person?.active === false) return { ok: false, reason: `${mentor} is not active (active: false in ${personFile(mentor)}) and takes no one new: another ${tier} claims ${input.member}, or ${mentor} sets active: true first.` };
  if (person && isPaused(person, input.today)) return { ok: false, reason: `${mentor} is paused until ${person.pausedUntil} (pausedUntil in ${personFile(mentor)}) and takes no one new before then: another ${tier} claims ${input.member}, or ${mentor} does from ${person.pausedUntil} (or once pausedUntil is removed).` };
  const current = directMenteeCounts(cohort.members).get(mentor) ?? 0;
  const elsewhere = input.elsewhere?.get(mentor);
  if (roomFor(config, own.role, current, cohort.cadence, budgetLeft(person?.maxHoursPerWeek, elsewhere)) < 1) {
    return { ok: false, reason: noRoom(config, mentor, own.role, current, cohort.cadence, person?.maxHoursPerWeek, elsewhere) };
  }
  return { ok: true, mentor, set: { mentor, assignedAt: input.nowInstant } };
}

/** Why a mentor has no room: which limit holds, with its numbers. */
function noRoom(config: Config, mentor: string, role: Role, current: number, cadence: Cohort['cadence'], maxHoursPerWeek: number | undefined, elsewhere: ElsewhereHours | undefined): string {
  const mentees = `${current} direct ${current === 1 ? 'mentee' : 'mentees'}`;
  const most = maxMenteesOf(config, role);
  if (current >= most) return `${mentor} has no room: ${mentees} already, the most a ${role} takes (roles.${role}.maxMentees: ${most}).`;
  const planned = plannedHours(config, role, current + 1, cadence).total;
  const other = elsewhere && elsewhere.hours > 0 ? ` and ${roundHours(elsewhere.hours)} h planned in ${elsewhere.cohorts.join(', ')}` : '';
  return `${mentor} has no room: one more mentee makes ${planned} h a week here${other}, past their maxHoursPerWeek of ${maxHoursPerWeek} h (${personFile(mentor)}).`;
}

export interface ReleaseEdit {
  set: { requestedAt: string; history: NonNullable<Member['history']> };
  unset: ['mentor', 'assignedAt'];
}

/**
 * A release: the member waits again from now (the promise starts anew), and the match that ended
 * is kept in `history` with who, when and why, so progress can count matches ended early.
 */
/** What is wrong with a release's --reason, if anything: the command says it before reading the repo. */
export function releaseReasonProblem(reason: string): string | undefined {
  const why = reason.trim();
  // eslint-disable-next-line no-control-regex
  return why === '' || why.length > 1000 || /[\u0000-\u001f\u007f-\u009f]/.test(why) ? 'Give the reason in one line of at most 1000 characters (--reason).' : undefined;
}

export function planRelease(cohort: Cohort, memberId: string, reason: string, nowInstant: string): { ok: true; mentor: string; edit: ReleaseEdit } | { ok: false; reason: string } {
  const member = cohort.members.find((m) => m.person === memberId);
  if (!member) return { ok: false, reason: unknownMember(memberId, `cohort ${cohort.id}`, cohort.members, 'release') };
  if (member.mentor === undefined) return { ok: false, reason: tierAbove(member.role) === undefined ? `${memberId} is a lead: leads have no mentor to release from.` : `${memberId} has no mentor to release from: they are waiting already.` };
  const why = reason.trim();
  const wrongReason = releaseReasonProblem(reason);
  if (wrongReason !== undefined) return { ok: false, reason: wrongReason };
  const ended = { mentor: member.mentor, ...(member.requestedAt !== undefined ? { requestedAt: member.requestedAt } : {}), ...(member.assignedAt !== undefined ? { assignedAt: member.assignedAt } : {}), releasedAt: nowInstant, reason: why };
  return { ok: true, mentor: member.mentor, edit: { set: { requestedAt: nowInstant, history: [...(member.history ?? []), ended] }, unset: ['mentor', 'assignedAt'] } };
}

/**
 * The cohort a claim or release means when none is named: the one not yet finished that has the
 * member. A member of no cohort at all gets what `unknownMember` says about the open cohorts.
 */
export function cohortOfMember(cohorts: ReadonlyArray<{ id: string; hasMember: boolean; finished: boolean; members: ReadonlyArray<Pick<Member, 'person' | 'role' | 'mentor'>> }>, member: string, purpose: 'claim' | 'release'): { id: string } | { problem: string } {
  const open = cohorts.filter((c) => c.hasMember && !c.finished);
  if (open.length === 1) return { id: open[0]!.id };
  if (open.length > 1) return { problem: `${member} is a member of ${open.map((c) => c.id).join(', ')}: name one with --cohort.` };
  const ended = cohorts.filter((c) => c.hasMember).map((c) => c.id);
  // A /claim on the attention issue cannot name a cohort: the way on for a mentor is the next cycle.
  const onward = purpose === 'claim' ? ` Nobody waits there any more: the organisers carry ${member} into the next cycle (mentor next), where ${member} can be claimed; from a terminal,` : '';
  if (ended.length > 0) return { problem: `${member} is a member only of ${ended.join(', ')}, which ${ended.length === 1 ? 'has' : 'have'} ended.${onward} ${onward ? 'name' : 'Name'} the cohort with --cohort ${ended[0]} to ${purpose} there.` };
  return { problem: unknownMember(member, 'any cohort that is running or about to start', cohorts.filter((c) => !c.finished).flatMap((c) => c.members), purpose) };
}

/** `--as` names nobody: the person (or handle) it most likely meant, else how to register. */
function unknownPerson(people: ReadonlyMap<string, Person | undefined>, as: string): string {
  const handle = as.startsWith('@');
  const names = handle ? [...people.values()].flatMap((person) => (person?.github ? [`@${person.github}`] : [])) : [...people.keys()];
  const guess = closest(as, names);
  const what = `${as} is not a person of the program (no ${personFile('<id>')} has that id or GitHub handle)`;
  return guess !== undefined ? `${what}. Did you mean ${guess}?` : `${what}: register first, with a person file.`;
}

/**
 * A member named that `where` does not have: the member most likely meant, and the ones the
 * command can act on (waiting members for a claim, placed ones for a release).
 */
export function unknownMember(member: string, where: string, members: ReadonlyArray<Pick<Member, 'person' | 'role' | 'mentor'>>, purpose: 'claim' | 'release'): string {
  // A lead has no mentor without waiting for one.
  const candidates = members.filter((m) => (purpose === 'claim' ? m.mentor === undefined && tierAbove(m.role) !== undefined : m.mentor !== undefined)).map((m) => m.person).sort();
  const guess = closest(member, members.map((m) => m.person));
  const shown = candidates.length > 10 ? `${candidates.slice(0, 10).join(', ')} and ${candidates.length - 10} more` : candidates.join(', ');
  const list = purpose === 'claim'
    ? (candidates.length > 0 ? `Waiting for a mentor: ${shown}.` : 'Nobody is waiting for a mentor.')
    : (candidates.length > 0 ? `Members with a mentor: ${shown}.` : 'Nobody has a mentor to release from.');
  // No member named at all (`/claim` with nothing after it): say what is missing, not ' is not a member'.
  const what = member.trim() === '' ? `Name the member to ${purpose}: their id, such as ${candidates[0] ?? 'cleo'}.` : `${member} is not a member of ${where}.${guess !== undefined ? ` Did you mean ${guess}?` : ''}`;
  return `${what} ${list}`;
}
