import type { Cohort, Config, Person, Role } from '../model/schemas.js';
import type { ScoreParts } from './assign-score.js';
import type { ElsewhereHours } from '../domain/cross-cohort.js';

// The data of `mentor assign`: what it is given and the plan it returns.

export interface Assignment {
  person: string;
  mentor: string;
  role: Role;
  score: number;
  parts: ScoreParts;
  /** Hours the member waited, from requestedAt to now, if they asked at a known time. */
  waitedHours?: number;
  /** Placed where the user chose in the review, not where the optimum put them. */
  chosen?: true;
}

export type UnplacedReason = 'held' | 'away' | 'no-mentor-in-cohort' | 'no-eligible-mentor' | 'room-taken' | 'lost-tie';

export interface Unplaced {
  person: string;
  role: Role;
  code: UnplacedReason;
  /** True and specific: who could not take them and why, or who took the room. */
  reason: string;
}

export interface MentorLoad {
  mentor: string;
  role: Role;
  before: number;
  after: number;
  /** The most direct mentees this mentor may have (maxMentees and the hour budget). */
  capacity: number;
}

export interface AssignmentPlan {
  cohort: string;
  assignments: Assignment[];
  unassigned: Unplaced[];
  totalScore: number;
  waiting: number;
  /** Waiting members who asked for a mentor by name. */
  askedFor: number;
  loads: MentorLoad[];
  /** How many placements the user fixed by hand: the plan is optimal only around them. */
  chosen: number;
}

export interface AssignInput {
  config: Config;
  cohort: Cohort;
  people: ReadonlyMap<string, Person | undefined>;
  now: number;
  /** Fixed choices (from the interactive review): member -> mentor, kept when eligible. */
  overrides?: ReadonlyMap<string, string>;
  /** Each person's planned hours in the other cohorts that overlap this one: budgets add up. */
  elsewhere?: ReadonlyMap<string, ElsewhereHours>;
  /** Members not to place, with why (e.g. a field typo in their entry). */
  held?: ReadonlyMap<string, string>;
}

/** Why a member of the tier above can or cannot take one more. */
export type Standing = 'open' | 'inactive' | 'paused' | 'full' | 'out-of-budget';

export interface MentorStanding {
  id: string;
  standing: Standing;
  room: number;
  load: number;
  capacity: number;
  maxMentees: number;
  /** For a budget: planned hours now and with one more mentee, counting overlapping cohorts. */
  hours?: { now: number; oneMore: number; max: number; elsewhere?: ElsewhereHours };
}

