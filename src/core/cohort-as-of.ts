import { dateOfDayNumber, dayNumber, startOfDay } from '../domain/time.js';
import { sundayOf } from '../domain/weeks.js';
import { isAwayInWeek } from '../domain/cohort-state.js';
import type { Cohort, Member } from '../model/schemas.js';
import { expectsLog, mentoring } from './commitments.js';

// A cohort as it was at an instant, from the dates its members carry: who had asked by then
// (requestedAt), who had a mentor (assignedAt), and the matches that ended since (history). A
// report of a past week describes that week, so a join, claim or release today leaves it as it was.

/** The first instant after a week: Monday 00:00 of the next week, in the program's zone. */
export function endOfWeek(zone: string, week: string): number {
  return startOfDay(zone, dateOfDayNumber(dayNumber(sundayOf(week)) + 1));
}

/**
 * The instant a cohort's waits are measured at: now, or once the cohort is over, the end of its
 * last day. A request never answered in a finished cohort stops waiting there ("never placed"),
 * instead of growing overdue for ever.
 */
export function waitsMeasuredAt(cohort: Pick<Cohort, 'end'>, zone: string, now: number): number {
  return cohort.end === undefined ? now : Math.min(now, startOfDay(zone, dateOfDayNumber(dayNumber(cohort.end) + 1)));
}

// Instants are read once each: a program's pages ask the same dates for every week it ran.
const parsed = new Map<string, number>();
const before = (time: string | undefined, instant: number) => {
  if (time === undefined) return true;
  let at = parsed.get(time);
  if (at === undefined) parsed.set(time, (at = Date.parse(time)));
  return at < instant;
};

export function cohortAsOf(cohort: Cohort, instant: number): Cohort {
  return { ...cohort, members: cohort.members.flatMap((member) => memberAsOf(member, instant) ?? []) };
}

/** A member as they stood when a week ended: their role, and their mentor if the match had begun. */
export interface Logger {
  person: string;
  role: Member['role'];
  mentor?: string;
}

/**
 * Who was expected to log a week, as they were at its end: leads, and members who had a mentor by
 * then. One claimed later was still waiting, one released since still had a mentor. `report`,
 * `progress`, `status` and the dashboard all count a week's logs (and its planned hours) from here.
 */
export function expectedLoggers(cohort: Cohort, zone: string, week: string, people?: ReadonlyMap<string, { pausedUntil?: string | undefined } | undefined>): readonly Logger[] {
  // The dashboard asks each week of a cohort three times (its snapshot, its page, the program's
  // progress): a rolling cohort of years and a thousand members is worked out once per week.
  const byPeople = known.get(cohort) ?? known.set(cohort, new WeakMap()).get(cohort)!;
  const byWeek = byPeople.get(people ?? NOBODY) ?? byPeople.set(people ?? NOBODY, new Map()).get(people ?? NOBODY)!;
  const key = `${zone} ${week}`;
  let loggers = byWeek.get(key);
  if (loggers === undefined) byWeek.set(key, (loggers = Object.freeze(loggersAt(cohort, zone, week, people))));
  return loggers;
}

const NOBODY = {};
const NOBODY_MENTORS: ReadonlySet<string> = new Set();
const known = new WeakMap<Cohort, WeakMap<object, Map<string, readonly Logger[]>>>();

function loggersAt(cohort: Cohort, zone: string, week: string, people?: ReadonlyMap<string, { pausedUntil?: string | undefined } | undefined>): Logger[] {
  const end = endOfWeek(zone, week);
  const states = cohort.members.map((member) => {
    const state = stateAt(member, end);
    return { member, state, mentor: state?.placed ? state.at.mentor : undefined };
  });
  // Who mentored someone then: a mentor with mentees though no lead logs too.
  const mentors = mentoring(states);
  return states.flatMap(({ member, state, mentor }) => {
    if (people !== undefined && isAwayInWeek(people.get(member.person), week)) return [];
    return state !== undefined && expectsLog({ person: member.person, role: member.role, ...(mentor !== undefined ? { mentor } : {}) }, mentors) ? [{ person: member.person, role: member.role, ...(mentor !== undefined ? { mentor } : {}) }] : [];
  });
}

/**
 * The weeks each member was expected to log, of `weeks` (a cohort's counted weeks, in order): the
 * same answer as asking expectedLoggers of every week, worked out at the weeks where a member's
 * state can change (a request, a match, its end, the end of a pause) instead of week by week, so
 * a rolling cohort that began in 1910 costs its members' events, not members times weeks.
 */
export class ExpectedWeeks {
  readonly #index: Map<string, number>;
  /** Per person, the spans [from, to) of week indexes they were expected in, in order. */
  readonly #spans = new Map<string, Array<[number, number]>>();

  constructor(cohort: Cohort, zone: string, readonly weeks: readonly string[], people?: ReadonlyMap<string, { pausedUntil?: string | undefined } | undefined>) {
    this.#index = new Map(weeks.map((week, index) => [week, index]));
    const ends = weeks.map((week) => endOfWeek(zone, week));
    // The first week whose end comes after an instant (a state read at a week's end changes there).
    const firstEndingAfter = (instant: number) => firstIndex(ends.length, (index) => instant < ends[index]!);
    // Whom each member names as a mentor, now or in a match that ended: a mentor with mentees
    // though no lead is expected to log while one of them is placed with them.
    const namedBy = new Map<string, Member[]>();
    for (const member of cohort.members) {
      for (const mentor of new Set([member.mentor, ...(member.history ?? []).map((match) => match.mentor)])) {
        if (mentor !== undefined) namedBy.set(mentor, [...(namedBy.get(mentor) ?? []), member]);
      }
    }
    const events = (member: Member) => [member.requestedAt, member.assignedAt, ...(member.history ?? []).flatMap((match) => [match.requestedAt, match.assignedAt, match.releasedAt])];
    const hasMenteeAt = (person: string, instant: number) => (namedBy.get(person) ?? []).some((mentee) => {
      const state = stateAt(mentee, instant);
      return state?.placed === true && state.at.mentor === person;
    });
    for (const member of cohort.members) {
      const mentees = member.role === 'mentee' ? [] : (namedBy.get(member.person) ?? []);
      const times = [...events(member), ...mentees.flatMap(events)];
      const cuts = new Set([0, weeks.length]);
      for (const time of times) if (time !== undefined && !Number.isNaN(Date.parse(time))) cuts.add(firstEndingAfter(Date.parse(time)));
      const pausedUntil = people?.get(member.person)?.pausedUntil;
      if (people !== undefined && pausedUntil !== undefined) cuts.add(firstIndex(weeks.length, (index) => !isAwayInWeek({ pausedUntil }, weeks[index]!)));
      const bounds = [...cuts].sort((a, b) => a - b);
      const spans = this.#spans.get(member.person) ?? [];
      for (let cut = 0; cut + 1 < bounds.length; cut++) {
        const [from, to] = [bounds[cut]!, bounds[cut + 1]!];
        if (from === to || (people !== undefined && isAwayInWeek(people.get(member.person), weeks[from]!))) continue;
        const state = stateAt(member, ends[from]!);
        const mentor = state?.placed ? state.at.mentor : undefined;
        if (state !== undefined && (expectsLog({ person: member.person, role: member.role, ...(mentor !== undefined ? { mentor } : {}) }, NOBODY_MENTORS) || (mentees.length > 0 && hasMenteeAt(member.person, ends[from]!)))) spans.push([from, to]);
      }
      this.#spans.set(member.person, spans);
    }
    // A person listed twice is expected in a week either listing is: spans merged, in order.
    for (const [person, spans] of this.#spans) {
      const merged: Array<[number, number]> = [];
      for (const [from, to] of spans.sort((a, b) => a[0] - b[0])) {
        const last = merged.at(-1);
        if (last !== undefined && from <= last[1]) last[1] = Math.max(last[1], to);
        else merged.push([from, to]);
      }
      this.#spans.set(person, merged);
    }
  }

  /** How many of the weeks the person was expected to log. */
  count(person: string): number {
    return (this.#spans.get(person) ?? []).reduce((sum, [from, to]) => sum + to - from, 0);
  }

  /** The first week the person was expected to log, if any. */
  first(person: string): string | undefined {
    const span = this.#spans.get(person)?.[0];
    return span === undefined ? undefined : this.weeks[span[0]];
  }

  has(person: string, week: string): boolean {
    const index = this.#index.get(week);
    return index !== undefined && (this.#spans.get(person) ?? []).some(([from, to]) => from <= index && index < to);
  }

  /** Of the weeks a person has logs of (`logs`, by week), those they were expected to log. */
  logged(person: string, logs: ReadonlyMap<string, unknown> | undefined): number {
    let count = 0;
    for (const week of logs?.keys() ?? []) if (this.has(person, week)) count++;
    return count;
  }

  /** The weeks of `logs` that are among the weeks, in their order. */
  within(logs: ReadonlyMap<string, unknown> | undefined): string[] {
    return [...(logs?.keys() ?? [])].filter((week) => this.#index.has(week)).sort((a, b) => this.#index.get(a)! - this.#index.get(b)!);
  }
}

/** The first index in [0, length) where `test` holds, for a test false then true along the range (length when never). */
function firstIndex(length: number, test: (index: number) => boolean): number {
  let [low, high] = [0, length];
  while (low < high) {
    const middle = (low + high) >> 1;
    if (test(middle)) high = middle;
    else low = middle + 1;
  }
  return low;
}

/** Where a member stood at an instant: not yet in the cohort (undefined), or the match then (`at`) and whether it had begun. */
function stateAt(member: Member, instant: number): { at: Pick<Member, 'mentor' | 'assignedAt' | 'requestedAt'>; ended?: NonNullable<Member['history']>[number]; placed: boolean } | undefined {
  const history = member.history ?? [];
  // Since when the member has been in the cohort: their first match's request (a member placed
  // without one has always been there), else their own request.
  const first = history.length > 0 ? history[0]!.requestedAt : member.requestedAt;
  if (!before(first, instant)) return undefined;
  // The match that was running then, if it ended since.
  const ended = history.find((match) => !before(match.releasedAt, instant));
  const at = ended ?? member;
  return { at, ended, placed: at.mentor !== undefined && before(at.assignedAt, instant) };
}

function memberAsOf(member: Member, instant: number): Member | undefined {
  const state = stateAt(member, instant);
  if (state === undefined) return undefined;
  const { at, ended, placed } = state;
  const history = member.history ?? [];
  const { mentor: _mentor, assignedAt: _assignedAt, requestedAt: _requestedAt, history: _history, ...rest } = member;
  const earlier = ended ? history.slice(0, history.indexOf(ended)) : history;
  return {
    ...rest,
    ...(placed ? { mentor: at.mentor, ...(at.assignedAt !== undefined ? { assignedAt: at.assignedAt } : {}) } : {}),
    ...(at.requestedAt !== undefined ? { requestedAt: at.requestedAt } : {}),
    ...(earlier.length > 0 ? { history: earlier } : {}),
  };
}
