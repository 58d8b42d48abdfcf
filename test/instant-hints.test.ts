import { describe, expect, it } from 'vitest';
import { mentorInJson } from './helpers/in-process.js';
import { exampleRepo } from './helpers/repo.js';

// A newcomer who registers by hand, as the README's "Running a program on GitHub" says (a member
// file with `requestedAt:`), easily writes the day alone. Before, the fix said 'Write it as
// YYYY-MM-DD, with two-digit month and day: 2026-11-20.': the very value written, which fails again.

const MEMBER = 'cohorts/2026-fall/members/zoe.yaml';
const repoWith = (requestedAt: string) =>
  exampleRepo({ 'people/zoe.yaml': 'id: zoe\nname: Zoe\ngithub: zoe-z\ntimezone: Europe/Paris\n', [MEMBER]: `person: zoe\nrole: mentee\nrequestedAt: ${requestedAt}\n` });

async function fixFor(requestedAt: string): Promise<string> {
  const { json } = await mentorInJson(['validate', '--format', 'json', '--repo', repoWith(requestedAt)]);
  const problems = json.problems.filter((p: { file: string }) => p.file === MEMBER);
  expect(problems).toHaveLength(1);
  return problems[0].fix;
}

describe('an instant (requestedAt, assignedAt) written as a day alone', () => {
  it.each([
    ['2026-11-20', '2026-11-20'],
    ['2026/11/20', '2026-11-20'],
    ['2026-11-2', '2026-11-02'],
  ])('%s is told to add a time and its zone, with a line that validates', async (written, day) => {
    const fix = await fixFor(written);
    expect(fix).not.toMatch(/Write it as YYYY-MM-DD/);
    const line = /`requestedAt: ([^`]+)`/.exec(fix)?.[1];
    expect(line, fix).toMatch(new RegExp(`^${day}T`));
    const { json } = await mentorInJson(['validate', '--format', 'json', '--repo', repoWith(line!)]);
    expect(json.problems.filter((p: { file: string }) => p.file === MEMBER)).toEqual([]);
  });

  it('a date field keeps its own hint', async () => {
    const { json } = await mentorInJson(['validate', '--format', 'json', '--repo', exampleRepo({ 'people/zoe.yaml': 'id: zoe\nname: Zoe\npausedUntil: 2027-1-10\n' })]);
    expect(json.problems.find((p: { file: string }) => p.file === 'people/zoe.yaml').fix).toBe('Write it as YYYY-MM-DD, with two-digit month and day: 2027-01-10.');
  });
});
