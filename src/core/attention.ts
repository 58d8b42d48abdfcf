import type { Config, Person } from '../model/schemas.js';
import type { CohortSnapshot } from './report.js';
import { isPaused } from '../domain/cohort-state.js';
import { tierAbove, type Role } from '../domain/tiers.js';
import { CLAIM_BRANCH } from '../domain/github.js';

// The program's one attention issue, as data: who waits (in queue order, against the promise),
// and whom to mention for each. DESIGN.md "Requests for a mentor": the preferred mentor first;
// after notify.escalateAfterHours every active, unpaused mentor of the right tier with room and a
// wanted skill; the maintainers once a request is overdue. Paused people are never mentioned.
// Each mention has a key (member/why/handle), so the workflow posts a new mention only once.

export interface Mention {
  handle: string;
  person?: string;
  why: 'prefers' | 'escalate' | 'overdue' | 'date' | 'unanswered' | 'unmerged' | 'refused' | 'unjudged' | 'unreadable';
  key: string;
  /** An escalation for a member who wants skills (the mentor has one of them); not part of the key. */
  skill?: true;
}

/**
 * Each maintainer of the config (once, whatever the case a handle is written in), mentioned for
 * `why`; `key` names what they are told of, so each goes out once.
 */
export function maintainerMentions(config: Config, why: Mention['why'], key: string): Mention[] {
  const maintainers = [...new Map(config.maintainers.map((handle) => [handle.toLowerCase(), handle])).values()];
  return maintainers.map((handle) => ({ handle, why, key: `${key}/${why}/${handle.toLowerCase()}` }));
}

/** A claim's pull request that is open (the claim workflow's branch claim/<cohort>/<member>@<login>). */
export interface OpenClaim {
  login: string;
  number: number;
  /** On a queue entry: the claimer has no room for it (past their room, or no mentor of the tier above here), so it cannot merge. */
  noRoom?: true;
}

const CLAIM_LINE = new RegExp(`^${CLAIM_BRANCH.source} https://\\S+/pull/(\\d{1,9})\\s*$`);

/**
 * The open claims, keyed `<cohort>/<member>`, from lines `<branch> <pull request url>` (the attention
 * workflow lists its repository's open pull requests so); other lines are not claims and are skipped.
 */
export function openClaims(text: string): Map<string, OpenClaim[]> {
  const claims = new Map<string, OpenClaim[]>();
  for (const line of text.split('\n')) {
    const match = CLAIM_LINE.exec(line);
    if (!match) continue;
    const key = `${match[1]}/${match[2]}`;
    claims.set(key, [...(claims.get(key) ?? []), { login: match[3]!, number: Number(match[4]) }]);
  }
  return claims;
}

/** A request not on the default branch yet, so on no queue but this one (core/off-queue.ts). */
export interface OffQueue {
  /** `issue`: a request issue with no answer; `pull`: a request's pull request waiting for a merge. */
  kind: 'issue' | 'pull';
  number: number;
  waitedHours: number;
  /** A pull request whose head the gate did not pass (`failure`) or could not judge (`error`): it cannot merge as it is. */
  gate?: GateBlock;
  /** What keeps a request issue stuck, as its last answer says (render/request.ts STUCK_PROBLEMS); none when it has no answer. */
  problem?: string;
  mentions: Mention[];
}

/** The gate's verdicts (its commit status) that keep a pull request from merging. */
export type GateBlock = 'failure' | 'error';

export interface QueueEntry {
  place: number;
  id: string;
  role: string;
  waitedHours?: number;
  /** Hours left before the promise is broken; negative when overdue. */
  dueInHours?: number;
  overdue: boolean;
  requestedAtInFuture?: true;
  /** Away (pausedUntil) until this day: nobody is asked to claim them before it. */
  awayUntil?: string;
  /** No requestedAt: the wait counts from the cohort's start. */
  fromStart?: true;
  wants: string[];
  prefers?: string;
  /** Claims of the member whose pull requests are open: a maintainer's merge places them, so no mentor is asked to claim them again. */
  claims?: OpenClaim[];
  mentions: Mention[];
}

export interface AttentionCohort {
  snapshot: CohortSnapshot;
  queue: QueueEntry[];
  /** Members with no requestedAt in a cohort yet to start: no request, `mentor assign` places them; they wait from the start. */
  toPlace?: string[];
}

export interface Attention {
  cohorts: AttentionCohort[];
  waiting: number;
  mentions: Mention[];
  lastCycleMedianHours: number | null;
  lastCycle?: string;
  /** Cohorts that have just finished (their last week is last week) with members never placed. */
  neverPlaced?: NeverPlaced[];
  /** Requests not on main yet (no answer on their issue, or a pull request not merged): counted in `waiting`, their mentions in `mentions`. */
  offQueue?: OffQueue[];
  /** Cohorts whose records cannot be read: each counted in `waiting` (it could hold anyone), its mentions in `mentions`. */
  unreadable?: UnreadableCohort[];
}

/** A cohort mentor cannot read on the default branch: its first errors, and the maintainers to tell. */
export interface UnreadableCohort {
  id: string;
  errors: Array<{ file: string; line: number; column: number; message: string }>;
  /** Errors past those shown. */
  more: number;
  mentions: Mention[];
}

export function attentionData(config: Config, snapshots: readonly CohortSnapshot[], people: ReadonlyMap<string, Person | undefined>, today: string, lastCycle?: { id: string; medianHours: number | null }, claims: ReadonlyMap<string, OpenClaim[]> = new Map()): Attention {
  const handleOf = (id: string) => {
    const person = people.get(id);
    return person?.github !== undefined && person.active !== false && !isPaused(person, today) ? person.github : undefined;
  };
  const cohorts = snapshots.map((snapshot): AttentionCohort => {
    // No requestedAt and the cohort yet to start: nobody is asked for them yet (hoursWaited).
    const toPlace = snapshot.waiting.filter((w) => w.waitedHours === undefined).map((w) => w.id);
    const inQueue = snapshot.waiting.filter((w) => w.waitedHours !== undefined).sort((a, b) => (a.requestedAt === undefined ? 1 : 0) - (b.requestedAt === undefined ? 1 : 0) || Date.parse(a.requestedAt ?? '') - Date.parse(b.requestedAt ?? '') || (a.id < b.id ? -1 : 1));
    // Room left once the claims they have open in this cohort are merged: one who filled it so is asked no more.
    const { pending, counted } = claimsWithRoom(snapshot, inQueue, people, claims);
    const withRoom = new Set(snapshot.mentorsWithRoom.filter((m) => m.room > (pending.get(people.get(m.id)?.github?.toLowerCase() ?? '') ?? 0)).map((m) => m.id));
    const roleOf = new Map(snapshot.hours.map((h) => [h.id, h.role]));
    // Who to ask for a member of a tier: its mentors with room, in order, found by wanted skill
    // through an index made once, not by matching every member against every mentor.
    const askable = new Map<string, { mentors: typeof snapshot.mentorsWithRoom; bySkill: Map<string, number[]> }>();
    const askableOf = (tier: string) => {
      let found = askable.get(tier);
      if (found === undefined) {
        const mentors = snapshot.mentorsWithRoom.filter((mentor) => mentor.role === tier && withRoom.has(mentor.id));
        const bySkill = new Map<string, number[]>();
        mentors.forEach((mentor, at) => {
          for (const skill of new Set(people.get(mentor.id)?.skills ?? [])) (bySkill.get(skill) ?? bySkill.set(skill, []).get(skill)!).push(at);
        });
        askable.set(tier, (found = { mentors, bySkill }));
      }
      return found;
    };
    const escalateTo = (tier: string, wants: readonly string[]) => {
      const { mentors, bySkill } = askableOf(tier);
      if (wants.length === 0) return mentors;
      const at = new Set([...new Set(wants)].flatMap((want) => bySkill.get(want) ?? []));
      return [...at].sort((a, b) => a - b).map((i) => mentors[i]!);
    };
    const queue = inQueue.map((w, index): QueueEntry => {
      const mentions: Mention[] = [];
      // One mention per handle as a mentor (asked for, or with room), and one as a maintainer: a
      // maintainer who is also a lead with room is told when the request turns overdue, too.
      const asMaintainer = (why: Mention['why']) => why === 'overdue' || why === 'date';
      const seen = new Set<string>();
      const add = (handle: string | undefined, why: Mention['why'], person?: string) => {
        if (handle === undefined) return;
        const once = `${asMaintainer(why) ? 'maintainer' : 'mentor'} ${handle.toLowerCase()}`;
        if (seen.has(once)) return;
        seen.add(once);
        const skill = why === 'escalate' && w.wants.length > 0 ? { skill: true as const } : {};
        mentions.push({ handle, why, key: `${snapshot.cohort.id}/${w.id}/${why}/${handle.toLowerCase()}`, ...(person !== undefined ? { person } : {}), ...skill });
      };
      // The preferred person is mentioned only as what they were asked to be: a mentor of this
      // cohort of the tier above. A hand-written `prefers:` could name anyone (a mentee, a lead).
      const claimed = claims.get(`${snapshot.cohort.id}/${w.id}`) ?? [];
      // A member claimed in an open pull request waits for a maintainer's merge, not for another
      // mentor: a claim that could merge, by a mentor of the tier above with room for it.
      // One away (pausedUntil) is claimed by no one before that day (mentor claim refuses it): nobody is asked to.
      const waitsForMerge = claimed.some((c) => counted.has(c)) || w.awayUntil !== undefined;
      if (!waitsForMerge && w.prefers !== undefined && roleOf.get(w.prefers) === tierAbove(w.role)) add(handleOf(w.prefers), 'prefers', w.prefers);
      if (!waitsForMerge && w.waitedHours !== undefined && w.waitedHours >= config.notify.escalateAfterHours) {
        const tier = tierAbove(w.role);
        if (tier !== undefined) for (const mentor of escalateTo(tier, w.wants)) add(handleOf(mentor.id), 'escalate', mentor.id);
      }
      if (w.overdue) for (const maintainer of config.maintainers) add(maintainer, 'overdue');
      // A requestedAt still to come would never fall due: only a maintainer can correct it.
      if (w.requestedAtInFuture) for (const maintainer of config.maintainers) add(maintainer, 'date');
      return {
        place: index + 1,
        id: w.id,
        role: w.role,
        ...(w.waitedHours !== undefined ? { waitedHours: w.waitedHours, dueInHours: Math.round((snapshot.slaHours - w.waitedHours) * 10) / 10 } : {}),
        overdue: w.overdue,
        ...(w.requestedAtInFuture ? { requestedAtInFuture: true as const } : {}),
        ...(w.awayUntil !== undefined ? { awayUntil: w.awayUntil } : {}),
        ...(w.requestedAt === undefined ? { fromStart: true as const } : {}),
        wants: w.wants,
        ...(w.prefers !== undefined ? { prefers: w.prefers } : {}),
        ...(claimed.length > 0 ? { claims: claimed.map((c) => (counted.has(c) ? c : { ...c, noRoom: true as const })) } : {}),
        mentions,
      };
    });
    return { snapshot, queue, ...(toPlace.length > 0 ? { toPlace } : {}) };
  });
  return {
    cohorts,
    waiting: cohorts.reduce((sum, c) => sum + c.queue.length, 0),
    mentions: cohorts.flatMap((c) => c.queue.flatMap((q) => q.mentions)),
    lastCycleMedianHours: lastCycle?.medianHours ?? null,
    ...(lastCycle ? { lastCycle: lastCycle.id } : {}),
  };
}

export interface NeverPlacedMember {
  id: string;
  role: string;
  waitedHours?: number;
  prefers?: string;
  /** A cohort that has not finished where they are a member now (carried over by `mentor next`, or added by hand). */
  nowIn?: string;
}

/** A cohort that has finished with members still waiting: they were never placed there. */
export interface NeverPlaced {
  cohort: { id: string; name: string; end?: string };
  members: NeverPlacedMember[];
}

/**
 * Who a finished cohort never placed, and where each is now (`openCohorts`: the cohorts that
 * have not finished). The attention queue and `status --fail-on overdue` leave a finished cohort
 * out (nobody can be placed there any more); the people it never placed are not forgotten with it.
 */
export function neverPlaced(snapshot: CohortSnapshot, openCohorts: ReadonlyArray<{ id: string; members: ReadonlyArray<{ person: string }> }>): NeverPlaced {
  const { id, name, end } = snapshot.cohort;
  const members = snapshot.waiting.map((w): NeverPlacedMember => {
    const nowIn = openCohorts.find((c) => c.id !== id && c.members.some((m) => m.person === w.id))?.id;
    return { id: w.id, role: w.role, ...(w.waitedHours !== undefined ? { waitedHours: w.waitedHours } : {}), ...(w.prefers !== undefined ? { prefers: w.prefers } : {}), ...(nowIn !== undefined ? { nowIn } : {}) };
  });
  return { cohort: { id, name, ...(end !== undefined ? { end } : {}) }, members };
}

/**
 * Which open claims of a cohort could merge, in queue order: each by a mentor of the tier above the
 * member, within the room they have. A claim past that room (a mentor who claimed more than they
 * can take), or by a login who mentors nobody here (a branch merely named like a claim), leaves
 * its member asked for. `pending`: the claims that take room, by lowercased handle; `counted`: those of the queue.
 */
function claimsWithRoom(snapshot: CohortSnapshot, inQueue: readonly { id: string; role: Role }[], people: ReadonlyMap<string, Person | undefined>, claims: ReadonlyMap<string, OpenClaim[]>) {
  const room = new Map(snapshot.mentorsWithRoom.map((m) => [people.get(m.id)?.github?.toLowerCase() ?? '', m] as const));
  const pending = new Map<string, number>();
  const counted = new Set<OpenClaim>();
  // One away since they claimed has no room counted now, but their claim still merges as it was made.
  const away = new Map((snapshot.pausedMentors ?? []).map((m) => [people.get(m.id)?.github?.toLowerCase() ?? '', m.role] as const));
  const take = (login: string, role: Role | undefined) => {
    if (role !== undefined && away.get(login.toLowerCase()) === tierAbove(role)) return true;
    const mentor = room.get(login.toLowerCase());
    const taken = pending.get(login.toLowerCase()) ?? 0;
    if (mentor === undefined || taken >= mentor.room || (role !== undefined && mentor.role !== tierAbove(role))) return false;
    pending.set(login.toLowerCase(), taken + 1);
    return true;
  };
  for (const w of inQueue) for (const c of claims.get(`${snapshot.cohort.id}/${w.id}`) ?? []) if (take(c.login, w.role)) counted.add(c);
  const queued = new Set(inQueue.map((w) => `${snapshot.cohort.id}/${w.id}`));
  for (const [key, open] of claims) if (key.startsWith(`${snapshot.cohort.id}/`) && !queued.has(key)) for (const c of open) take(c.login, undefined);
  return { pending, counted };
}
