import type { Config, Member, Person } from '../model/schemas.js';
import { middayOf, utcOffsetMinutes } from '../domain/time.js';
import { languageCode } from '../domain/languages.js';

// The score of a member-mentor pair (DESIGN.md "Assignment"), written once in weigh(): one pair
// at a time for explanations, a whole matrix for the solver.

export type Weights = Config['matching'];

export interface ScoreParts {
  preferred: number;
  skills: number;
  timezone: number;
  language: number;
  total: number;
  matchedSkills: string[];
}

export const roundScore = (score: number) => Math.round(score * 1000) / 1000;

/** What scoring needs of a person, computed once: lower-cased skills, language codes (`English` is `en`), UTC offset. */
interface Profile {
  skills: Set<string>;
  languages: Set<string>;
  offset?: number;
}

const profiles = new WeakMap<Person, Map<string, Profile>>();

function profileOf(person: Person | undefined, cohortStart: string): Profile | undefined {
  if (!person) return undefined;
  let byStart = profiles.get(person);
  if (!byStart) profiles.set(person, (byStart = new Map()));
  let profile = byStart.get(cohortStart);
  if (!profile) {
    profile = {
      skills: new Set(person.skills.map((skill) => skill.toLowerCase())),
      languages: new Set(person.languages.map(languageCode)),
      ...(person.timezone ? { offset: offsetAt(person.timezone, cohortStart) } : {}),
    };
    byStart.set(cohortStart, profile);
  }
  return profile;
}

const offsets = new Map<string, number>();
function offsetAt(zone: string, date: string): number {
  const key = `${zone}@${date}`;
  let offset = offsets.get(key);
  if (offset === undefined) offsets.set(key, (offset = utcOffsetMinutes(zone, middayOf(date))));
  return offset;
}

/**
 * DESIGN.md's objective for one pair, from what the two have in common: `preferred` if the member
 * asked for this mentor, `skill` per wanted skill the mentor has, `timezone` if their offsets are
 * within the window, `language` if they share one. The one place the weights are applied: the
 * solver, the explanations, `assign`'s output and the tests all score through it.
 */
function weigh(weights: Weights, asked: boolean, skillsMatched: number, closeZones: boolean, sharedLanguage: boolean): Omit<ScoreParts, 'matchedSkills'> {
  const preferred = asked ? weights.preferred : 0;
  const skills = weights.skill * skillsMatched;
  const timezone = closeZones ? weights.timezone : 0;
  const language = sharedLanguage ? weights.language : 0;
  return { preferred, skills, timezone, language, total: roundScore(preferred + skills + timezone + language) };
}

/** Whether two UTC offsets (minutes; unknown when a person has no zone) are within the window. */
const withinWindow = (weights: Weights, a: number | undefined, b: number | undefined) => a !== undefined && b !== undefined && Math.abs(a - b) <= weights.timezoneWindowHours * 60;

function sharesAny(a: ReadonlySet<string> | undefined, b: ReadonlySet<string> | undefined): boolean {
  for (const item of a ?? []) if (b?.has(item)) return true;
  return false;
}

/** The score of a pair by its parts, with the skills that matched (for explanations). */
export function scorePair(weights: Weights, member: Member, memberPerson: Person | undefined, mentorId: string, mentorPerson: Person | undefined, cohortStart: string): ScoreParts {
  const mentee = profileOf(memberPerson, cohortStart);
  const mentor = profileOf(mentorPerson, cohortStart);
  const matchedSkills = [...new Set(member.wants.map((skill) => skill.toLowerCase()))].filter((skill) => mentor?.skills.has(skill)).sort();
  return { ...weigh(weights, member.prefers === mentorId, matchedSkills.length, withinWindow(weights, mentee?.offset, mentor?.offset), sharesAny(mentee?.languages, mentor?.languages)), matchedSkills };
}

/** What the score matrix needs: the weights, the cohort's start, who is who, and fixed choices. */
export interface ScoreInput {
  config: Config;
  cohort: { start: string };
  people: ReadonlyMap<string, Person | undefined>;
  overrides?: ReadonlyMap<string, string>;
}

/**
 * Every pair's score in thousandths (integers, so the solver's sums are exact); -1 where a pair
 * is ruled out by an override. Skills and languages become bit sets when there are few of them.
 */
export function scoreMatrix(input: ScoreInput, members: Member[], mentorIds: string[]): Int32Array {
  const weights = input.config.matching;
  const start = input.cohort.start;
  const n = members.length;
  const m = mentorIds.length;
  const scores = new Int32Array(n * m);
  // Skills and languages as bit sets (numbers while there are at most 31 of each kind).
  const skillBits = new Map<string, number>();
  const languageBits = new Map<string, number>();
  const indexOf = (name: string, table: Map<string, number>) => {
    let bit = table.get(name);
    if (bit === undefined) table.set(name, (bit = table.size));
    return bit;
  };
  const mentorProfiles = mentorIds.map((id) => profileOf(input.people.get(id), start));
  for (const profile of mentorProfiles) for (const skill of profile?.skills ?? []) indexOf(skill, skillBits);
  const memberProfiles = members.map((member) => profileOf(input.people.get(member.person), start));
  for (const profile of [...mentorProfiles, ...memberProfiles]) for (const language of profile?.languages ?? []) indexOf(language, languageBits);
  const small = skillBits.size <= 31 && languageBits.size <= 31;
  const mask = (names: Iterable<string>, table: Map<string, number>) => {
    let bits = 0;
    for (const name of names) {
      const bit = table.get(name);
      if (bit !== undefined) bits |= 1 << bit;
    }
    return bits;
  };
  const mentorSkills = mentorProfiles.map((profile) => mask(profile?.skills ?? [], skillBits));
  const mentorLanguages = mentorProfiles.map((profile) => mask(profile?.languages ?? [], languageBits));
  for (let i = 0; i < n; i++) {
    const member = members[i]!;
    const profile = memberProfiles[i];
    const wants = [...new Set(member.wants.map((skill) => skill.toLowerCase()))];
    const wantBits = mask(wants, skillBits);
    const languages = mask(profile?.languages ?? [], languageBits);
    const override = input.overrides?.get(member.person);
    for (let j = 0; j < m; j++) {
      if (override !== undefined && override !== mentorIds[j]) {
        scores[i * m + j] = -1;
        continue;
      }
      const total = small
        ? weigh(weights, member.prefers === mentorIds[j], popcount(wantBits & mentorSkills[j]!), withinWindow(weights, profile?.offset, mentorProfiles[j]?.offset), (languages & mentorLanguages[j]!) !== 0).total
        : scorePair(weights, member, input.people.get(member.person), mentorIds[j]!, input.people.get(mentorIds[j]!), start).total;
      scores[i * m + j] = Math.round(total * 1000);
    }
  }
  return scores;
}

function popcount(bits: number): number {
  let count = 0;
  for (let rest = bits >>> 0; rest !== 0; rest &= rest - 1) count++;
  return count;
}
