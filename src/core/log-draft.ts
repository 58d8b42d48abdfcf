import type { Question } from '../domain/questions.js';
import { FORBIDDEN_KEYS } from '../model/forbidden-keys.js';
import type { Log, Person } from '../model/schemas.js';
import { hoursOf, roundHours, totalHours } from '../domain/commitments.js';
import { closest } from '../model/suggest.js';

// Building a weekly log: from flags, or by asking. The questions are plain data so they can be
// tested with scripted answers; io/prompts.ts asks them on a terminal.

export interface LogDraft {
  person: string;
  week: string;
  hours: Record<string, number>;
  pullRequests: string[];
  done?: string;
  blockers?: string;
  next?: string;
}

/** `--hours practice=3 --hours code-review=1.5` → { practice: 3, 'code-review': 1.5 }. */
export function parseHoursFlags(given: readonly string[]): { hours: Record<string, number>; errors: string[] } {
  // `--hours practice=3,code-review=1` too, the comma list --skills and --wants take; never a
  // decimal comma (practice=1,5), whose "5" is no pair.
  const pairs = given.flatMap((pair) => (pair.includes(',') && pair.split(',').every((part) => part.includes('=')) ? pair.split(',') : [pair]));
  const hours: Record<string, number> = {};
  const errors: string[] = [];
  for (let index = 0; index < pairs.length; index++) {
    const pair = pairs[index]!;
    const match = /^\s*([^=\s]+)\s*=\s*(.+?)\s*$/.exec(pair);
    const value = match ? hoursOf(match[2]!) : Number.NaN;
    const apart = match && Number.isFinite(value) ? undefined : pairApart(pairs, index);
    if (apart) {
      errors.push(`--hours ${apart.typed}: write ${apart.fix} (one word, no spaces around =).`);
      index += apart.words - 1;
      continue;
    }
    if (!match || !Number.isFinite(value) || match[2]!.trim() === '') {
      errors.push(`--hours ${pair}: write activity=hours, e.g. --hours practice=3 code-review=1`);
      continue;
    }
    const activity = match[1]!;
    if (FORBIDDEN_KEYS.has(activity)) errors.push(`--hours ${pair}: "${activity}" cannot be the name of an activity.`);
    else if (Object.hasOwn(hours, activity)) errors.push(`--hours ${pair}: ${activity} is given twice; give each activity once, with its hours for the week.`);
    else hours[activity] = value;
  }
  return { hours, errors };
}

/** `practice 3`, `practice = 3`, `practice= 3`, `practice =3`: one pair typed as words apart (the most words first). */
function pairApart(pairs: readonly string[], index: number): { typed: string; fix: string; words: number } | undefined {
  for (const words of [3, 2, 1]) {
    if (index + words > pairs.length) continue;
    const typed = pairs.slice(index, index + words).join(' ').trim();
    const match = /^([^=\s]+)\s*=?\s*([^=\s]+)$/.exec(typed);
    if (match && /\s/.test(typed) && Number.isFinite(hoursOf(match[2]!))) return { typed, fix: `${match[1]}=${match[2]}`, words };
  }
  return undefined;
}

export const cohortQuestion = (cohorts: Array<{ id: string; name: string }>): Question => ({
  kind: 'select',
  name: 'cohort',
  message: 'Which cohort?',
  choices: cohorts.map((cohort) => ({ name: `${cohort.id}  ${cohort.name}`, value: cohort.id })),
});

/** `notListed`: said above the list when the git user is not in it (a copy older than their person file, say). */
export const personQuestion = (members: Array<{ id: string; name: string; role: string }>, defaultPerson: string | undefined, notListed?: string): Question => ({
  kind: 'select',
  name: 'person',
  message: 'Who is logging?',
  choices: members.map((member) => ({ name: `${member.name} (${member.id}, ${member.role})`, value: member.id })),
  ...(defaultPerson && members.some((member) => member.id === defaultPerson) ? { default: defaultPerson } : notListed !== undefined ? { note: notListed } : {}),
});

/** The week question: its default is said with the reason it was chosen (see defaultLogWeek). */
export const weekQuestion = (defaultWeek: WeekChoice, validate: (value: string) => true | string): Question => ({
  kind: 'input',
  name: 'week',
  // Short enough for an 80-column terminal with the back hint and the default after it.
  message: `Which week (${defaultWeek.why})?`,
  default: defaultWeek.week,
  validate,
});

/** One question per activity of the plan, the plan (or the last answer) as default. */
export function hoursQuestions(planned: Record<string, number>, previous?: Record<string, number>): Question[] {
  return Object.keys(planned).map((activity) => ({
    kind: 'number',
    name: `hours.${activity}`,
    message: `Hours of ${activity} (planned ${planned[activity]})`,
    default: previous?.[activity] ?? planned[activity],
    min: 0,
    max: 168,
  }));
}

const isLink = (text: string) => /^https?:\/\/\S+$/i.test(text);
const FULL_ADDRESS = 'paste the full address, e.g. https://github.com/you/repo/pull/1.';

/** Each link is checked as it is typed, not after every other question. */
export function checkPullRequestLinks(answer: string): true | string {
  const bad = answer.split(/[\s,]+/).filter(Boolean).find((link) => !isLink(link));
  return bad === undefined ? true : `"${bad.slice(0, 60)}" is not a link: ${FULL_ADDRESS}`;
}

/**
 * What is wrong with the values of log flags, each said with the flag as typed (`--hours
 * practice=-2: ...`), before the log is built: activities of the role, hours a week can hold, links.
 */
export function checkLogFlags(hours: Record<string, number>, links: readonly string[], role: string, activities: readonly string[]): string[] {
  const errors: string[] = [];
  for (const [activity, value] of Object.entries(hours)) {
    const flag = `--hours ${activity}=${value}`;
    const guess = closest(activity, activities);
    if (!activities.includes(activity)) errors.push(`${flag}: "${activity}" is not an activity of a ${role}. ${guess ? `Did you mean ${guess}?` : activities.length > 0 ? `Use one of: ${activities.join(', ')}.` : `The ${role} role has no activities in the config (roles.${role}.activities).`}`);
    else if (value < 0) errors.push(`${flag}: hours must be 0 or more.`);
    else if (value > 168) errors.push(`${flag}: a week has 168 hours; give the hours of this week only.`);
  }
  for (const link of links) if (!isLink(link)) errors.push(`--pr ${link.slice(0, 60)}: not a link; ${FULL_ADDRESS}`);
  return errors;
}

export const textQuestions = (previous?: Partial<Log>): Question[] => [
  { kind: 'input', name: 'pullRequests', message: 'Pull request links (space-separated, blank for none)', default: previous?.pullRequests?.join(' ') ?? '', validate: checkPullRequestLinks },
  { kind: 'input', name: 'done', message: 'What did you get done?', default: previous?.done ?? '' },
  { kind: 'input', name: 'blockers', message: 'Anything blocking you?', default: previous?.blockers ?? '' },
  { kind: 'input', name: 'next', message: 'What is next?', default: previous?.next ?? '' },
];

/** The person whose GitHub handle, name or email matches the git user, if exactly one does. */
export function personForGitUser(people: Iterable<Person>, user: { name?: string; email?: string }): string | undefined {
  const name = user.name?.trim().toLowerCase();
  const emailUser = user.email?.split('@')[0]?.toLowerCase().replace(/^\d+\+/, '');
  const matches = [...people].filter((person) => {
    const github = person.github?.toLowerCase();
    return (github !== undefined && (github === name || github === emailUser)) || (name !== undefined && person.name.toLowerCase() === name);
  });
  return matches.length === 1 ? matches[0]!.id : undefined;
}

/** The week a log is for when none is named, and why, in words for the prompt and the output. */
export interface WeekChoice {
  week: string;
  why: string;
}

/**
 * The week a log is most likely for: last week while it is a week of the cohort with no log yet
 * (status counts it as missing, whatever the day), otherwise this week.
 */
export function defaultLogWeek(thisWeek: string, lastWeek: string, logged: (week: string) => boolean, inCohort: (week: string) => boolean): WeekChoice {
  if (!inCohort(lastWeek)) return { week: thisWeek, why: inCohort(thisWeek) ? "this week, the cohort's first" : 'this week' };
  return logged(lastWeek) ? { week: thisWeek, why: 'this week, last week is logged' } : { week: lastWeek, why: 'last week, not logged yet' };
}

/** "Total 7 h of 5.5 h planned": the line under the preview of a log. */
export function totalAgainstPlan(hours: Record<string, number>, planned: number): string {
  const total = totalHours(hours);
  return `Total ${total} h of ${planned} h planned${total > planned ? ` (+${roundHours(total - planned)})` : total < planned ? ` (${roundHours(total - planned)})` : ''}.`;
}
