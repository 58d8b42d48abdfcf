import type { Question } from '../domain/questions.js';
import { FORBIDDEN_KEYS } from '../model/forbidden-keys.js';
import type { Log, Person } from '../model/schemas.js';
import { roundHours, totalHours } from '../domain/commitments.js';

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
export function parseHoursFlags(pairs: readonly string[]): { hours: Record<string, number>; errors: string[] } {
  const hours: Record<string, number> = {};
  const errors: string[] = [];
  for (const pair of pairs) {
    const match = /^\s*([^=\s]+)\s*=\s*(.+?)\s*$/.exec(pair);
    const value = match ? Number(match[2]) : Number.NaN;
    if (!match || !Number.isFinite(value) || match[2]!.trim() === '') {
      errors.push(`--hours ${pair}: write activity=hours, e.g. --hours practice=3`);
      continue;
    }
    const activity = match[1]!;
    if (FORBIDDEN_KEYS.has(activity)) errors.push(`--hours ${pair}: "${activity}" cannot be the name of an activity.`);
    else if (Object.hasOwn(hours, activity)) errors.push(`--hours ${pair}: ${activity} is given twice; give each activity once, with its hours for the week.`);
    else hours[activity] = value;
  }
  return { hours, errors };
}

export const cohortQuestion = (cohorts: Array<{ id: string; name: string }>): Question => ({
  kind: 'select',
  name: 'cohort',
  message: 'Which cohort?',
  choices: cohorts.map((cohort) => ({ name: `${cohort.id}  ${cohort.name}`, value: cohort.id })),
});

export const personQuestion = (members: Array<{ id: string; name: string; role: string }>, defaultPerson: string | undefined): Question => ({
  kind: 'select',
  name: 'person',
  message: 'Who is logging?',
  choices: members.map((member) => ({ name: `${member.name} (${member.id}, ${member.role})`, value: member.id })),
  ...(defaultPerson && members.some((member) => member.id === defaultPerson) ? { default: defaultPerson } : {}),
});

export const weekQuestion = (defaultWeek: string, validate: (value: string) => true | string): Question => ({
  kind: 'input',
  name: 'week',
  message: 'Which week (ISO week, YYYY-Www)?',
  default: defaultWeek,
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

/** Each link is checked as it is typed, not after every other question. */
export function checkPullRequestLinks(answer: string): true | string {
  const bad = answer.split(/[\s,]+/).filter(Boolean).find((link) => !/^https?:\/\/\S+$/i.test(link));
  return bad === undefined ? true : `"${bad.slice(0, 60)}" is not a link: paste the full address, e.g. https://github.com/you/repo/pull/1.`;
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

/**
 * The week a log is most likely for: on a Monday, last week when it has no log yet (the week
 * just ended is what people log then); otherwise this week.
 */
export function defaultLogWeek(today: string, thisWeek: string, lastWeek: string, hasLog: (week: string) => boolean, inCohort: (week: string) => boolean): string {
  const monday = new Date(`${today}T12:00:00Z`).getUTCDay() === 1;
  return monday && inCohort(lastWeek) && !hasLog(lastWeek) ? lastWeek : thisWeek;
}

/** "Total 7 h of 5.5 h planned": the line under the preview of a log. */
export function totalAgainstPlan(hours: Record<string, number>, planned: number): string {
  const total = totalHours(hours);
  return `Total ${total} h of ${planned} h planned${total > planned ? ` (+${roundHours(total - planned)})` : total < planned ? ` (${roundHours(total - planned)})` : ''}.`;
}
