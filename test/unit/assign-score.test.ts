import { describe, expect, it } from 'vitest';
import { scoreMatrix, scorePair } from '../../src/core/assign-score.js';
import { configSchema, personSchema, type Member, type Person } from '../../src/model/schemas.js';

// The solver scores pairs in bulk (skills and languages as bit sets while there are few), the
// explanations one pair at a time: both must give DESIGN.md's score, from the one formula.

const ZONES = ['UTC', 'Europe/London', 'America/New_York', 'Asia/Tokyo', undefined];

function program(skillCount: number, seed: number) {
  let state = seed;
  const next = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
  const skills = Array.from({ length: skillCount }, (_, i) => `Skill${i}`);
  const languages = ['en', 'fr', 'es', 'de'];
  const person = (id: string, index: number): Person =>
    personSchema.parse({
      id, name: id,
      ...(ZONES[index % ZONES.length] ? { timezone: ZONES[index % ZONES.length] } : {}),
      skills: skills.filter(() => next() < 0.3),
      languages: languages.filter(() => next() < 0.4),
    });
  const people = new Map<string, Person>();
  const mentorIds = Array.from({ length: 7 }, (_, i) => `m${i}`);
  mentorIds.forEach((id, i) => people.set(id, person(id, i)));
  const members: Member[] = Array.from({ length: 11 }, (_, i) => {
    people.set(`e${i}`, person(`e${i}`, i + 2));
    return { person: `e${i}`, role: 'mentee', wants: skills.filter(() => next() < 0.3).map((skill) => (next() < 0.5 ? skill.toLowerCase() : skill)), ...(next() < 0.4 ? { prefers: mentorIds[i % 7] } : {}) };
  });
  const config = configSchema.parse({ matching: { preferred: 7, skill: 1.5, timezone: 0.25, language: 2, timezoneWindowHours: 4 } });
  return { input: { config, cohort: { start: '2026-03-02' }, people }, members, mentorIds };
}

describe('the score of a pair', () => {
  it.each([
    ['few skills (bit sets)', 6],
    ['more than 31 skills (sets)', 40],
  ])('is the same in the solver\'s matrix as for one pair, with %s', (_, skillCount) => {
    for (const seed of [1, 2, 3]) {
      const { input, members, mentorIds } = program(skillCount, seed);
      const matrix = scoreMatrix(input, members, mentorIds);
      const one = members.flatMap((member) => mentorIds.map((id) => Math.round(scorePair(input.config.matching, member, input.people.get(member.person), id, input.people.get(id), input.cohort.start).total * 1000)));
      expect([...matrix]).toEqual(one);
      expect(new Set(one).size).toBeGreaterThan(3);
    }
  });
});
