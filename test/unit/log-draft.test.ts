import { describe, expect, it } from 'vitest';
import { askLogContent, hoursQuestions, parseHoursFlags, personForGitUser, personQuestion, textQuestions } from '../../src/core/log-draft.js';
import type { Asker, Question } from '../../src/io/prompts.js';
import { configSchema } from '../../src/model/schemas.js';

const config = configSchema.parse({});

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
    const questions = hoursQuestions(config, 'mentor', 2, 'weekly');
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
    const questions = hoursQuestions(config, 'mentee', 0, 'weekly', { practice: 7 });
    expect(questions.find((q) => q.name === 'hours.practice')).toMatchObject({ default: 7 });
    expect(textQuestions({ done: 'Old news' }).find((q) => q.name === 'done')).toMatchObject({ default: 'Old news' });
  });

  it('turn scripted answers into a log draft', async () => {
    const { asker, asked } = scripted({ 'hours.practice': 4.5, pullRequests: 'https://github.com/a/b/pull/1 https://github.com/a/b/pull/2', done: '  Built it  ', blockers: '' });
    const draft = await askLogContent(asker, { person: 'bob', week: '2026-W47' }, { hours: hoursQuestions(config, 'mentee', 0, 'biweekly'), text: textQuestions() });
    expect(draft).toEqual({
      person: 'bob',
      week: '2026-W47',
      hours: { 'code-review': 1, 'own-one-on-one': 0.5, practice: 4.5, 'weekly-review': 0.5 },
      pullRequests: ['https://github.com/a/b/pull/1', 'https://github.com/a/b/pull/2'],
      done: 'Built it',
    });
    expect(asked.map((q) => q.kind)).toEqual(['number', 'number', 'number', 'number', 'input', 'input', 'input', 'input']);
  });

  it('offer every member with the default person preselected', () => {
    const question = personQuestion([{ id: 'ada', name: 'Ada', role: 'mentor' }, { id: 'bob', name: 'Bob', role: 'mentee' }], 'bob');
    expect(question).toMatchObject({ kind: 'select', default: 'bob', choices: [{ value: 'ada' }, { value: 'bob' }] });
  });
});

describe('log flags and defaults', () => {
  it('parse --hours pairs and reject what is not one', () => {
    expect(parseHoursFlags(['practice=3', 'code-review = 1.5'])).toEqual({ hours: { practice: 3, 'code-review': 1.5 }, errors: [] });
    expect(parseHoursFlags(['practice', 'x=abc', 'y=']).errors).toHaveLength(3);
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

  it('offers last week on a Monday when it has no log yet, this week otherwise', async () => {
    const { defaultLogWeek } = await import('../../src/core/log-draft.js');
    const inCohort = () => true;
    expect(defaultLogWeek('2026-11-23', '2026-W48', '2026-W47', () => false, inCohort)).toBe('2026-W47');
    expect(defaultLogWeek('2026-11-23', '2026-W48', '2026-W47', (w) => w === '2026-W47', inCohort)).toBe('2026-W48');
    expect(defaultLogWeek('2026-11-24', '2026-W48', '2026-W47', () => false, inCohort)).toBe('2026-W48');
    expect(defaultLogWeek('2026-11-23', '2026-W48', '2026-W47', () => false, (w) => w !== '2026-W47')).toBe('2026-W48');
  });

  it('shows the total against the plan', async () => {
    const { totalAgainstPlan } = await import('../../src/core/log-draft.js');
    expect(totalAgainstPlan({ practice: 4.5, 'code-review': 1, 'own-one-on-one': 1 }, 5.5)).toBe('Total 6.5 h of 5.5 h planned (+1).');
    expect(totalAgainstPlan({ practice: 3 }, 5.5)).toBe('Total 3 h of 5.5 h planned (-2.5).');
  });
});
