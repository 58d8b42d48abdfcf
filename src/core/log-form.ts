import type { Answers, FormItem } from '../domain/questions.js';
import { cohortQuestion, defaultLogWeek, hoursQuestions, personQuestion, textQuestions, weekQuestion, type LogDraft, type WeekChoice } from './log-draft.js';
import { cohortWeeksText, isCohortWeek, type CohortDates } from '../domain/cohort-state.js';
import { compareWeeks, isIsoWeek, weekFix } from '../domain/weeks.js';
import type { Log, Role } from '../model/schemas.js';

// The interactive `mentor log` as one form: who, which week, the cohort (asked only when the
// week does not tell), the hours, the notes, then the preview and a last word. Flags fix answers;
// the user can go back from any question to the one before.

/** One person in one cohort: what the form chooses among. */
export interface Membership {
  cohort: string;
  cohortName: string;
  dates: CohortDates;
  person: string;
  name: string;
  role: Role;
}

export interface LogFormContext {
  memberships: Membership[];
  /** Answers given as flags: never asked. */
  fixed: { cohort?: string; person?: string; week?: string };
  /** The person of the git user, offered first. */
  gitPerson?: string;
  /** What to do when you are not in the list, said above it when the git user is not. */
  notListed?: string;
  thisWeek: string;
  lastWeek: string;
  /** The log already written for this cohort, person and week, if any. */
  existing(cohort: string, person: string, week: string): Partial<Log> | undefined;
  /** Planned hours by activity of the person in the cohort. */
  planned(cohort: string, person: string): Record<string, number>;
  /** The preview shown above the last question, for the log as answered. */
  preview(cohort: string, draft: LogDraft): string;
}

/** The cohorts of a person that hold a week: one means the week tells the cohort. */
export function cohortsForLog(memberships: readonly Membership[], person: string, week: string): Membership[] {
  return memberships.filter((membership) => membership.person === person && isCohortWeek(membership.dates, week));
}

/** Why a week cannot be logged for a person in the cohorts offered (outside them, or not begun), or true. */
export function checkLogWeek(memberships: readonly Membership[], person: string, value: string, thisWeek: string): true | string {
  const week = value.trim();
  if (!isIsoWeek(week)) return weekFix(week, 'Write an ISO week such as 2026-W48.');
  const own = memberships.filter((membership) => membership.person === person);
  if (own.some((membership) => isCohortWeek(membership.dates, week))) return compareWeeks(week, thisWeek) > 0 ? `${week} has not started yet (this week is ${thisWeek}).` : true;
  const weeks = own.map((membership) => `${membership.cohort} ${cohortWeeksText(membership.dates)}`).join('; ');
  return own.length === 1 ? `${week} is outside cohort ${own[0]!.cohort} (${cohortWeeksText(own[0]!.dates)}).` : `${week} is in none of ${person}'s cohorts (${weeks}).`;
}

/** The memberships a log can be for: of the cohort named, or of every cohort. */
export const membershipsIn = (memberships: readonly Membership[], cohort: string | undefined): Membership[] => memberships.filter((membership) => cohort === undefined || membership.cohort === cohort);

/** The week to offer a person who names none (see defaultLogWeek): the cohorts offered decide. */
export function defaultWeekFor(memberships: readonly Membership[], person: string, context: Pick<LogFormContext, 'thisWeek' | 'lastWeek' | 'existing'>): WeekChoice {
  const holding = (week: string) => memberships.filter((membership) => membership.person === person && isCohortWeek(membership.dates, week));
  const logged = (week: string) => holding(week).every((membership) => context.existing(membership.cohort, person, week) !== undefined);
  return defaultLogWeek(context.thisWeek, context.lastWeek, logged, (week) => holding(week).length > 0);
}

/** The form's plan: every item whose needs the answers so far meet (see askForm). */
export function logForm(context: LogFormContext): (answers: Readonly<Answers>) => FormItem[] {
  const offered = membershipsIn(context.memberships, context.fixed.cohort);
  return (answers) => {
    const items: FormItem[] = [];
    if (context.fixed.person !== undefined) items.push({ name: 'person', value: context.fixed.person });
    else items.push(personQuestion(peopleToOffer(offered, context), context.gitPerson, context.notListed));
    const person = answers.person as string | undefined;
    if (person === undefined) return items;

    if (context.fixed.week !== undefined) items.push({ name: 'week', value: context.fixed.week });
    else items.push(weekQuestion(defaultWeekFor(offered, person, context), (value) => checkLogWeek(offered, person, value, context.thisWeek)));
    const week = (answers.week as string | undefined)?.trim();
    if (week === undefined) return items;

    // No cohort holds the week only when person and week are both flags: the form ends, and the
    // command refuses with the reason.
    const holding = cohortsForLog(offered, person, week);
    if (holding.length === 0) return items;
    if (holding.length > 1) items.push(cohortQuestion(holding.map((membership) => ({ id: membership.cohort, name: membership.cohortName }))));
    else items.push({ name: 'cohort', value: holding[0]!.cohort });
    const cohort = answers.cohort as string | undefined;
    if (cohort === undefined) return items;

    const previous = context.existing(cohort, person, week);
    items.push(...hoursQuestions(context.planned(cohort, person), previous?.hours), ...textQuestions(previous));
    if (items.some((item) => !(item.name in answers))) return items;

    const draft = logDraftOf(answers);
    items.push({
      kind: 'select',
      name: 'confirm',
      message: previous ? `Replace your existing log for ${week}?` : 'Write this log?',
      note: context.preview(cohort, draft),
      choices: [
        { name: previous ? 'Yes, replace it' : 'Yes, write it', value: 'write' },
        { name: 'No, write nothing', value: 'cancel' },
      ],
      default: 'write',
    });
    return items;
  };
}

/** The log the answers make (hours are the `hours.<activity>` answers). */
export function logDraftOf(answers: Readonly<Answers>): LogDraft {
  const draft: LogDraft = { person: String(answers.person), week: String(answers.week).trim(), hours: {}, pullRequests: [] };
  for (const [name, value] of Object.entries(answers)) {
    if (name.startsWith('hours.')) draft.hours[name.slice('hours.'.length)] = Number(value);
  }
  const links = String(answers.pullRequests ?? '').trim();
  draft.pullRequests = links === '' ? [] : links.split(/[\s,]+/).filter(Boolean);
  for (const key of ['done', 'blockers', 'next'] as const) {
    const text = String(answers[key] ?? '').trim();
    if (text !== '') draft[key] = text;
  }
  return draft;
}

/** Each person once, with their roles, from the cohorts of the week given, or of this week or last (else every cohort). */
function peopleToOffer(memberships: readonly Membership[], context: LogFormContext): Array<{ id: string; name: string; role: string }> {
  const weeks = context.fixed.week !== undefined ? [context.fixed.week] : [context.thisWeek, context.lastWeek];
  const current = memberships.filter((membership) => weeks.some((week) => isCohortWeek(membership.dates, week)));
  const people = new Map<string, { id: string; name: string; roles: Set<string> }>();
  for (const membership of current.length > 0 ? current : memberships) {
    const entry = people.get(membership.person) ?? { id: membership.person, name: membership.name, roles: new Set<string>() };
    entry.roles.add(membership.role);
    people.set(membership.person, entry);
  }
  return [...people.values()].map((entry) => ({ id: entry.id, name: entry.name, role: [...entry.roles].join(', ') }));
}
