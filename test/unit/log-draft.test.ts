import { describe, expect, it } from 'vitest';
import { hoursQuestions, parseHoursFlags, personForGitUser, personQuestion, textQuestions } from '../../src/core/log-draft.js';
import { checkLogWeek, logDraftOf, logForm, type LogFormContext, type Membership } from '../../src/core/log-form.js';
import { askForm } from '../../src/core/questions.js';
import { GO_BACK, type Answer, type Asker, type Question } from '../../src/domain/questions.js';
import { plannedHours } from '../../src/domain/commitments.js';
import { configSchema } from '../../src/model/schemas.js';

const config = configSchema.parse({});
const planned = (role: 'lead' | 'mentor' | 'mentee', mentees = 0, cadence: 'weekly' | 'biweekly' = 'weekly') => plannedHours(config, role, mentees, cadence).byActivity;

/** Answers questions from a script keyed by question name; records what was asked. */
function scripted(answers: Record<string, string | number | boolean>) {
  const asked: Question[] = [];
  const asker: Asker = {
    async ask(question) {
      asked.push(question);
      if (question.name in answers) return answers[question.name]!;
      if ('default' in question && question.default !== undefined) return question.default;
      throw new Error(`no answer for ${question.name}`);
    },
  };
  return { asker, asked };
}

describe('log questions', () => {
  it("ask the hours of each activity of the role, with the plan as default", () => {
    const questions = hoursQuestions(planned('mentor', 2));
    expect(questions.map((q) => [q.name, 'default' in q ? q.default : undefined])).toEqual([
      ['hours.code-review', 0.5],
      ['hours.one-on-ones', 2],
      ['hours.own-one-on-one', 1],
      ['hours.project', 2],
      ['hours.weekly-review', 0.5],
    ]);
    expect(questions[1]!.message).toBe('Hours of one-on-ones (planned 2)');
  });

  it('default to last answers when a log exists', () => {
    const questions = hoursQuestions(planned('mentee'), { practice: 7 });
    expect(questions.find((q) => q.name === 'hours.practice')).toMatchObject({ default: 7 });
    expect(textQuestions({ done: 'Old news' }).find((q) => q.name === 'done')).toMatchObject({ default: 'Old news' });
  });

  it('turn the answers of the form into a log draft', () => {
    const answers = { person: 'bob', week: ' 2026-W47 ', cohort: 'fall', 'hours.practice': 4.5, 'hours.code-review': 1, pullRequests: 'https://github.com/a/b/pull/1 https://github.com/a/b/pull/2', done: '  Built it  ', blockers: '', next: '', confirm: 'write' };
    expect(logDraftOf(answers)).toEqual({
      person: 'bob',
      week: '2026-W47',
      hours: { practice: 4.5, 'code-review': 1 },
      pullRequests: ['https://github.com/a/b/pull/1', 'https://github.com/a/b/pull/2'],
      done: 'Built it',
    });
  });

  it('offer every member with the default person preselected', () => {
    const question = personQuestion([{ id: 'ada', name: 'Ada', role: 'mentor' }, { id: 'bob', name: 'Bob', role: 'mentee' }], 'bob');
    expect(question).toMatchObject({ kind: 'select', default: 'bob', choices: [{ value: 'ada' }, { value: 'bob' }] });
  });
});

describe('log flags and defaults', () => {
  it('say what is wrong with a flag value with the flag as typed (journey J12)', async () => {
    const { checkLogFlags } = await import('../../src/core/log-draft.js');
    const activities = ['code-review', 'practice'];
    expect(checkLogFlags({ practice: -2, 'code-reviw': 1, 'code-review': 200 }, ['github.com/x', 'https://github.com/a/b/pull/1'], 'mentee', activities)).toEqual([
      '--hours practice=-2: hours must be 0 or more.',
      '--hours code-reviw=1: "code-reviw" is not an activity of a mentee. Did you mean code-review?',
      '--hours code-review=200: a week has 168 hours; give the hours of this week only.',
      '--pr github.com/x: not a link; paste the full address, e.g. https://github.com/you/repo/pull/1.',
    ]);
    expect(checkLogFlags({ practice: 3 }, [], 'mentee', activities)).toEqual([]);
  });

  it('parse --hours pairs and reject what is not one', () => {
    expect(parseHoursFlags(['practice=3', 'code-review = 1.5'])).toEqual({ hours: { practice: 3, 'code-review': 1.5 }, errors: [] });
    expect(parseHoursFlags(['practice', 'x=abc', 'y=']).errors).toHaveLength(3);
    // Hours are written in decimal: what Number() would also read (hex, exponents, Infinity) is refused (red team 4, T9).
    expect(parseHoursFlags(['a=.5', 'b=2.', 'c=-1']).hours).toEqual({ a: 0.5, b: 2, c: -1 });
    expect(parseHoursFlags(['a=0x10', 'b=1e1', 'c=Infinity', 'd=0b1']).errors).toHaveLength(4);
    // A key that would vanish into the prototype, and an activity given twice, are said, not dropped.
    expect(parseHoursFlags(['__proto__=3', 'constructor=1']).errors).toEqual(['--hours __proto__=3: "__proto__" cannot be the name of an activity.', '--hours constructor=1: "constructor" cannot be the name of an activity.']);
    expect(parseHoursFlags(['practice=3', 'practice=4'])).toEqual({ hours: { practice: 3 }, errors: ['--hours practice=4: practice is given twice; give each activity once, with its hours for the week.'] });
  });

  it('find the person of the git user by handle, name or email', () => {
    const people = [
      { id: 'ada', name: 'Ada Lovelace', github: 'ada-l', skills: [], languages: [], active: true },
      { id: 'bob', name: 'Bob Martin', github: 'bobm', skills: [], languages: [], active: true },
    ];
    expect(personForGitUser(people, { name: 'ada-l' })).toBe('ada');
    expect(personForGitUser(people, { name: 'Bob Martin' })).toBe('bob');
    expect(personForGitUser(people, { name: 'Someone', email: '123+bobm@users.noreply.github.com' })).toBe('bob');
    expect(personForGitUser(people, { name: 'Nobody' })).toBeUndefined();
  });
});

describe('interactive log helpers (issue 17)', () => {
  it('refuses a pull request answer that is not a link when it is given', async () => {
    const { checkPullRequestLinks } = await import('../../src/core/log-draft.js');
    expect(checkPullRequestLinks('')).toBe(true);
    expect(checkPullRequestLinks('https://github.com/a/b/pull/1 https://github.com/a/b/pull/2')).toBe(true);
    expect(checkPullRequestLinks('https://github.com/a/b/pull/1 pull/2')).toBe('"pull/2" is not a link: paste the full address, e.g. https://github.com/you/repo/pull/1.');
  });

  it('offers last week, any day, while it is a week of the cohort with no log yet, this week otherwise, and says why (journey J6)', async () => {
    const { defaultLogWeek } = await import('../../src/core/log-draft.js');
    const inCohort = () => true;
    expect(defaultLogWeek('2026-W48', '2026-W47', () => false, inCohort)).toEqual({ week: '2026-W47', why: 'last week, not logged yet' });
    expect(defaultLogWeek('2026-W48', '2026-W47', (w) => w === '2026-W47', inCohort)).toEqual({ week: '2026-W48', why: 'this week, last week is logged' });
    expect(defaultLogWeek('2026-W48', '2026-W47', () => false, (w) => w !== '2026-W47')).toEqual({ week: '2026-W48', why: "this week, the cohort's first" });
    expect(defaultLogWeek('2026-W48', '2026-W47', () => false, () => false)).toEqual({ week: '2026-W48', why: 'this week' });
  });

  it('shows the total against the plan', async () => {
    const { totalAgainstPlan } = await import('../../src/core/log-draft.js');
    expect(totalAgainstPlan({ practice: 4.5, 'code-review': 1, 'own-one-on-one': 1 }, 5.5)).toBe('Total 6.5 h of 5.5 h planned (+1).');
    expect(totalAgainstPlan({ practice: 3 }, 5.5)).toBe('Total 3 h of 5.5 h planned (-2.5).');
  });
});

/** Answers from a script, in order: each entry answers the next question asked; records what was asked. */
function inTurn(script: Array<[string, Answer]>) {
  const asked: Question[] = [];
  const asker: Asker = {
    async ask(question) {
      asked.push(question);
      const next = script.shift();
      if (!next) throw new Error(`no answer left for ${question.name}`);
      expect(question.name, `asked ${question.name}, the script answers ${next[0]}`).toBe(next[0]);
      return next[1] === DEFAULT ? (question.default as Answer) : next[1];
    },
  };
  return { asker, asked };
}
const DEFAULT = '\u0000default';

describe('a form the user can go back in', () => {
  const plan = () => [
    { name: 'person', value: 'bob' },
    { kind: 'input' as const, name: 'a', message: 'A?', default: 'a0' },
    { kind: 'number' as const, name: 'b', message: 'B?', default: 1 },
    { kind: 'select' as const, name: 'c', message: 'C?', choices: [{ name: 'x', value: 'x' }, { name: 'y', value: 'y' }] },
  ];

  it('goes back to the question before, offering the earlier answer as the default', async () => {
    const { asker, asked } = inTurn([['a', 'first'], ['b', 3], ['c', GO_BACK], ['b', GO_BACK], ['a', DEFAULT], ['b', DEFAULT], ['c', 'y']]);
    expect(await askForm(asker, plan)).toEqual({ person: 'bob', a: 'first', b: 3, c: 'y' });
    expect(asked.map((q) => [q.name, q.back, q.default])).toEqual([
      ['a', false, 'a0'],
      ['b', true, 1],
      ['c', true, undefined],
      ['b', true, 3],
      ['a', false, 'first'],
      ['b', true, 3],
      ['c', true, undefined],
    ]);
  });

  it('never offers going back from the first question, and asks it again if an asker answers back anyway', async () => {
    const { asker, asked } = inTurn([['a', GO_BACK], ['a', 'ok'], ['b', 2], ['c', 'x']]);
    expect(await askForm(asker, plan)).toEqual({ person: 'bob', a: 'ok', b: 2, c: 'x' });
    expect(asked[0]!.back).toBe(false);
  });
});

describe('the interactive log form', () => {
  const fall: Membership = { cohort: 'fall', cohortName: 'Fall', dates: { start: '2026-09-07', end: '2026-11-29' }, person: 'bob', name: 'Bob', role: 'mentee' };
  const memberships: Membership[] = [
    fall,
    { ...fall, person: 'ada', name: 'Ada', role: 'mentor' },
    { cohort: 'winter', cohortName: 'Winter', dates: { start: '2026-11-23', end: '2027-02-28' }, person: 'ada', name: 'Ada', role: 'lead' },
    { cohort: 'spring', cohortName: 'Spring', dates: { start: '2026-03-02', end: '2026-05-31' }, person: 'bob', name: 'Bob', role: 'mentee' },
  ];
  const roles = new Map(memberships.map((m) => [`${m.cohort}/${m.person}`, m.role]));
  const context = (changes: Partial<LogFormContext> = {}): LogFormContext => ({
    memberships,
    fixed: {},
    gitPerson: 'bob',
    thisWeek: '2026-W48', // on a Tuesday (MENTOR_NOW 2026-11-24T09:00:00-08:00)
    lastWeek: '2026-W47',
    existing: () => undefined,
    planned: (cohort, person) => planned(roles.get(`${cohort}/${person}`)!),
    preview: (cohort, draft) => `preview of ${cohort} ${draft.week}: ${Object.values(draft.hours).reduce((a, b) => a + b, 0)} h`,
    ...changes,
  });
  const menteeHours: Array<[string, Answer]> = ['code-review', 'own-one-on-one', 'practice', 'weekly-review'].map((activity) => [`hours.${activity}`, DEFAULT]);
  const notes: Array<[string, Answer]> = [['pullRequests', ''], ['done', 'Forms'], ['blockers', ''], ['next', '']];

  it('takes the cohort from the week when the person is in one cohort that holds it, without asking', async () => {
    const { asker, asked } = inTurn([['person', DEFAULT], ['week', '2026-W20'], ...menteeHours, ...notes, ['confirm', 'write']]);
    const answers = await askForm(asker, logForm(context()));
    expect(answers).toMatchObject({ person: 'bob', week: '2026-W20', cohort: 'spring', confirm: 'write' });
    expect(asked.map((q) => q.name)).not.toContain('cohort');
    expect(asked.at(-1)!.note).toBe('preview of spring 2026-W20: 5.5 h');
  });

  it('asks for the cohort only when two cohorts of the person hold the week', async () => {
    const leadHours = Object.keys(planned('lead')).map((activity): [string, Answer] => [`hours.${activity}`, DEFAULT]);
    const { asker, asked } = inTurn([['person', 'ada'], ['week', '2026-W48'], ['cohort', 'winter'], ...leadHours, ...notes, ['confirm', 'write']]);
    expect(await askForm(asker, logForm(context()))).toMatchObject({ person: 'ada', cohort: 'winter' });
    expect(asked.find((q) => q.name === 'cohort')).toMatchObject({ kind: 'select', choices: [{ value: 'fall' }, { value: 'winter' }] });
  });

  it('refuses a week none of the person’s cohorts holds, naming their weeks', () => {
    expect(checkLogWeek(memberships, 'bob', '2026-W30', '2026-W48')).toBe("2026-W30 is in none of bob's cohorts (fall 2026-W37 to 2026-W48; spring 2026-W10 to 2026-W22).");
    expect(checkLogWeek([fall], 'bob', '2026-W30', '2026-W48')).toBe('2026-W30 is outside cohort fall (2026-W37 to 2026-W48).');
    expect(checkLogWeek(memberships, 'bob', '2026-30', '2026-W48')).toBe('Write it as YYYY-Www: 2026-W30.');
    expect(checkLogWeek(memberships, 'bob', ' 2026-W47 ', '2026-W48')).toBe(true);
  });

  it('refuses a week of the cohort that has not started yet, naming this week (journey J7)', () => {
    expect(checkLogWeek(memberships, 'ada', '2026-W50', '2026-W48')).toBe('2026-W50 has not started yet (this week is 2026-W48).');
    expect(checkLogWeek(memberships, 'ada', '2026-W48', '2026-W48')).toBe(true);
  });

  it('asks the week with last week as the default while it has no log, saying so (journey J6)', async () => {
    const { asker, asked } = inTurn([['person', DEFAULT], ['week', DEFAULT], ...menteeHours, ...notes, ['confirm', 'write']]);
    expect(await askForm(asker, logForm(context()))).toMatchObject({ week: '2026-W47', cohort: 'fall' });
    expect(asked.find((q) => q.name === 'week')).toMatchObject({ default: '2026-W47', message: 'Which week (last week, not logged yet)?' });
    const logged = inTurn([['person', DEFAULT], ['week', DEFAULT]]);
    await askForm(logged.asker, logForm(context({ existing: (cohort, person, week) => (week === '2026-W47' ? { week } : undefined) }))).catch(() => undefined);
    expect(logged.asked.find((q) => q.name === 'week')).toMatchObject({ default: '2026-W48', message: 'Which week (this week, last week is logged)?' });
  });

  it('goes back from the last question to change an hour, keeping every other answer', async () => {
    const { asker } = inTurn([['person', DEFAULT], ['week', '2026-W47'], ...menteeHours, ...notes, ['confirm', GO_BACK], ['next', GO_BACK], ['blockers', GO_BACK], ['done', GO_BACK], ['pullRequests', GO_BACK], ['hours.weekly-review', GO_BACK], ['hours.practice', 4], ['hours.weekly-review', DEFAULT], ...notes.map(([name]): [string, Answer] => [name, DEFAULT]), ['confirm', 'write']]);
    const answers = await askForm(asker, logForm(context()));
    expect(logDraftOf(answers)).toEqual({ person: 'bob', week: '2026-W47', hours: { 'code-review': 1, 'own-one-on-one': 1, practice: 4, 'weekly-review': 0.5 }, pullRequests: [], done: 'Forms' });
  });

  it('goes back past the hours to another person, and asks the hours of their role instead', async () => {
    const mentorHours = Object.keys(planned('mentor')).map((activity): [string, Answer] => [`hours.${activity}`, DEFAULT]);
    const { asker } = inTurn([['person', DEFAULT], ['week', '2026-W47'], ['hours.code-review', GO_BACK], ['week', GO_BACK], ['person', 'ada'], ['week', DEFAULT], ...mentorHours, ...notes, ['confirm', 'write']]);
    const answers = await askForm(asker, logForm(context()));
    expect(answers).toMatchObject({ person: 'ada', week: '2026-W47', cohort: 'fall' });
    expect(Object.keys(logDraftOf(answers).hours)).toEqual(Object.keys(planned('mentor')));
  });

  it('asks nothing the flags answer, and offers only the named cohort’s members', async () => {
    const { asker, asked } = inTurn([['week', '2026-W47'], ...menteeHours, ...notes, ['confirm', 'write']]);
    expect(await askForm(asker, logForm(context({ fixed: { person: 'bob', cohort: 'fall' } })))).toMatchObject({ person: 'bob', cohort: 'fall' });
    expect(asked[0]).toMatchObject({ name: 'week', back: false });
    const people = inTurn([]);
    await askForm(people.asker, logForm(context({ fixed: { cohort: 'spring' } }))).catch(() => undefined);
    expect(people.asked[0]).toMatchObject({ name: 'person', choices: [{ value: 'bob' }] });
  });
});
