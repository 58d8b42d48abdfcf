import { type Role } from './tiers.js';

/** What the commitment arithmetic needs of the config: each role's activities and room. */
export interface ActivityModel {
  hours: number;
  per?: 'mentee' | undefined;
  oneOnOne?: boolean | undefined;
}
export interface CommitmentModel {
  roles: Record<Role, { activities: Record<string, ActivityModel>; maxMentees?: number }>;
}
type Config = CommitmentModel;

// The commitment model: each role's activities, `per: mentee` times X direct mentees, and every
// `oneOnOne` activity halved when the cohort meets biweekly. With the default roles this gives
// lead 5 + X, mentor 4 + X and mentee 5.5 hours a week.

export interface PlannedHours {
  byActivity: Record<string, number>;
  total: number;
}

export const CADENCES = ['weekly', 'biweekly'] as const;
export type Cadence = (typeof CADENCES)[number];

export function activitiesOf(config: Config, role: Role) {
  return config.roles[role].activities;
}

export function plannedHours(config: Config, role: Role, directMentees: number, cadence: Cadence): PlannedHours {
  const byActivity: Record<string, number> = {};
  let total = 0;
  for (const name of Object.keys(activitiesOf(config, role)).sort()) {
    const activity = activitiesOf(config, role)[name]!;
    let hours = activity.hours * (activity.per === 'mentee' ? directMentees : 1);
    if (activity.oneOnOne && cadence === 'biweekly') hours /= 2;
    hours = roundHours(hours);
    byActivity[name] = hours;
    total += hours;
  }
  return { byActivity, total: roundHours(total) };
}

/** Hours are kept to a hundredth, so sums of halves and quarters print cleanly. */
export function roundHours(hours: number): number {
  return Math.round(hours * 100) / 100;
}

export function maxMenteesOf(config: Config, role: Role): number {
  return config.roles[role].maxMentees ?? 0;
}

/** X for each member: how many members name them as mentor. */
export function directMenteeCounts(members: readonly { mentor?: string | undefined }[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const member of members) {
    if (member.mentor !== undefined) counts.set(member.mentor, (counts.get(member.mentor) ?? 0) + 1);
  }
  return counts;
}

/**
 * How many more direct mentees a member can take: the role's maxMentees and, when the person
 * has a budget, the most X whose planned hours stay within maxHoursPerWeek.
 */
export function roomFor(config: Config, role: Role, currentMentees: number, cadence: Cadence, maxHoursPerWeek: number | undefined): number {
  if (role === 'mentee') return 0;
  let room = Math.max(0, maxMenteesOf(config, role) - currentMentees);
  if (maxHoursPerWeek !== undefined) {
    while (room > 0 && plannedHours(config, role, currentMentees + room, cadence).total > maxHoursPerWeek + 1e-9) room -= 1;
    if (plannedHours(config, role, currentMentees, cadence).total > maxHoursPerWeek + 1e-9) room = 0;
  }
  return room;
}

/** The hours of a log (or any activity -> hours table), added up, not yet rounded (to add up many logs). */
export function sumHours(hours: Readonly<Record<string, number>>): number {
  let total = 0;
  for (const value of Object.values(hours)) total += value;
  return total;
}

/** The hours of a log (or any activity -> hours table), added up. */
export const totalHours = (hours: Readonly<Record<string, number>>): number => roundHours(sumHours(hours));

const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;

/** Hours as people write them: 3, 1.5, .5; NaN for anything else (0x10, 1e1, Infinity, which Number() would take). */
export function hoursOf(text: string): number {
  const trimmed = text.trim();
  return DECIMAL.test(trimmed) ? Number(trimmed) : Number.NaN;
}
