import { directMenteeCounts, roomFor } from '../domain/commitments.js';
import { budgetLeft, type ElsewhereHours } from '../domain/cross-cohort.js';
import { isPaused } from '../domain/cohort-state.js';
import { tierAbove } from '../domain/tiers.js';
import type { Cohort, Config, Member, Person } from '../model/schemas.js';
import { personFile } from '../domain/layout.js';

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
  if (mentor === undefined) return { ok: false, reason: `${input.as} is not a person of the program (no ${personFile('<id>')} has that id or GitHub handle): register first, with a person file.` };
  const member = cohort.members.find((m) => m.person === input.member);
  if (!member) return { ok: false, reason: `${input.member} is not a member of cohort ${id}.` };
  if (member.mentor !== undefined) return { ok: false, reason: member.mentor === mentor ? `${input.member} is already yours.` : `${input.member} is taken: ${member.mentor} mentors them.` };
  const tier = tierAbove(member.role);
  const own = cohort.members.find((m) => m.person === mentor);
  if (tier === undefined) return { ok: false, reason: `${input.member} is a lead: leads have no mentor.` };
  if (own?.role !== tier) return { ok: false, reason: `${input.member} is a ${member.role}: only a ${tier} of cohort ${id} may claim them, and ${mentor} is ${own ? `a ${own.role}` : 'not a member'} there.` };
  const person = people.get(mentor);
  if (person?.active === false) return { ok: false, reason: `${mentor} is not active (active: false in ${personFile(mentor)}).` };
  if (person && isPaused(person, input.today)) return { ok: false, reason: `${mentor} is paused until ${person.pausedUntil}.` };
  const current = directMenteeCounts(cohort.members).get(mentor) ?? 0;
  if (roomFor(config, own.role, current, cohort.cadence, budgetLeft(person?.maxHoursPerWeek, input.elsewhere?.get(mentor))) < 1) {
    return { ok: false, reason: `${mentor} has no room: ${current} direct mentees already, at maxMentees or maxHoursPerWeek.` };
  }
  return { ok: true, mentor, set: { mentor, assignedAt: input.nowInstant } };
}

export interface ReleaseEdit {
  set: { requestedAt: string; history: NonNullable<Member['history']> };
  unset: ['mentor', 'assignedAt'];
}

/**
 * A release: the member waits again from now (the promise starts anew), and the match that ended
 * is kept in `history` with who, when and why, so progress can count matches ended early.
 */
export function planRelease(member: Member | undefined, memberId: string, cohortId: string, reason: string, nowInstant: string): { ok: true; mentor: string; edit: ReleaseEdit } | { ok: false; reason: string } {
  if (!member) return { ok: false, reason: `${memberId} is not a member of cohort ${cohortId}.` };
  if (member.mentor === undefined) return { ok: false, reason: `${memberId} has no mentor to release from: they are waiting already.` };
  const why = reason.trim();
  // eslint-disable-next-line no-control-regex
  if (why === '' || why.length > 1000 || /[\u0000-\u001f\u007f-\u009f]/.test(why)) return { ok: false, reason: 'Give the reason in one line of at most 1000 characters (--reason).' };
  const ended = { mentor: member.mentor, ...(member.requestedAt !== undefined ? { requestedAt: member.requestedAt } : {}), ...(member.assignedAt !== undefined ? { assignedAt: member.assignedAt } : {}), releasedAt: nowInstant, reason: why };
  return { ok: true, mentor: member.mentor, edit: { set: { requestedAt: nowInstant, history: [...(member.history ?? []), ended] }, unset: ['mentor', 'assignedAt'] } };
}

/** The cohort a claim or release means when none is named: the one not yet finished that has the member. */
export function cohortOfMember(cohorts: ReadonlyArray<{ id: string; hasMember: boolean; finished: boolean }>, member: string): { id: string } | { problem: string } {
  const open = cohorts.filter((c) => c.hasMember && !c.finished);
  if (open.length === 1) return { id: open[0]!.id };
  if (open.length === 0) return { problem: `${member} is not a member of any cohort that is running or about to start: name the cohort with --cohort.` };
  return { problem: `${member} is a member of ${open.map((c) => c.id).join(', ')}: name one with --cohort.` };
}
