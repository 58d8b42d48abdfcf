import { describe, expect, it } from 'vitest';
import { eligibleMentors, planAssignment, scorePair, waitingMembers, type AssignInput } from '../../src/core/assign.js';
import { cohortSchema, configSchema, personSchema, type Member, type Person } from '../../src/model/schemas.js';
import { renderAssignText } from '../../src/render/assign.js';
import { hungarianMax } from '../helpers/hungarian.js';
import { seeded as random } from '../helpers/seeded.js';

// More waiting mentors than the leads have places, too many choices of who gets them to try each
// (C(14, 5) = 2,002): DESIGN.md asks for the optimum all the same, "not a heuristic". The oracle
// tries every choice, placing each chosen set under the lead and the mentees under the mentors
// with a lead by the Hungarian algorithm.

const ZONES = ['UTC', 'Europe/London', 'America/New_York', 'Asia/Tokyo', 'America/Los_Angeles', 'Asia/Kolkata', 'Europe/Berlin'];
const SKILLS = ['js', 'py', 'go', 'rust'];
const LANGS = ['en', 'fr', 'de'];
const START = '2026-09-07';
const BIG = 1_000_000;

/** One lead with 5 places, 14 waiting mentors (some with an hour budget), 12 waiting mentees. */
function program(seed: number): AssignInput {
  const r = random(seed);
  const people = new Map<string, Person>();
  const members: Member[] = [];
  const person = (id: string, extra: Partial<Person> = {}) => people.set(id, personSchema.parse({ id, name: id, timezone: r.pick(ZONES), skills: r.some(SKILLS, 0.5), languages: r.some(LANGS, 0.4), ...extra }));
  person('lead');
  members.push({ person: 'lead', role: 'lead', wants: [] });
  const mentors = Array.from({ length: 14 }, (_, i) => `m${String(i).padStart(2, '0')}`);
  for (const id of mentors) {
    const budget = r.pick([undefined, 5, 6, 7]);
    person(id, budget === undefined ? {} : { maxHoursPerWeek: budget });
    members.push({ person: id, role: 'mentor', wants: r.some(SKILLS, 0.3), ...(r.next() < 0.3 ? { prefers: 'lead' } : {}) });
  }
  for (let i = 0; i < 12; i++) {
    const id = `p${String(i).padStart(2, '0')}`;
    person(id, { skills: [] });
    members.push({ person: id, role: 'mentee', wants: r.some(SKILLS, 0.3), ...(r.next() < 0.6 ? { prefers: r.pick(mentors) } : {}) });
  }
  const config = configSchema.parse({ roles: { lead: { maxMentees: 5 }, mentor: { maxMentees: 3 } } });
  return { config, cohort: cohortSchema.parse({ id: 'c', name: 'C', start: START, members }), people, now: Date.parse('2026-09-08T12:00:00Z') };
}

const pairScore = (input: AssignInput, member: Member, mentor: string) => Math.round(scorePair(input.config.matching, member, input.people.get(member.person), mentor, input.people.get(mentor), START).total * 1000);

/** The best (placed, score in thousandths) over every choice of 5 mentors to place. */
function oracle(input: AssignInput): { count: number; score: number } {
  const waiting = waitingMembers(input.cohort);
  const mentors = waiting.filter((member) => member.role === 'mentor');
  const mentees = waiting.filter((member) => member.role === 'mentee');
  let best = { count: -1, score: 0 };
  const choose = (from: number, chosen: Member[]) => {
    if (chosen.length === 5) {
      const slots = eligibleMentors(input, 'mentee', new Set(chosen.map((member) => member.person))).flatMap((mentor) => Array.from({ length: mentor.room }, () => mentor.id));
      const size = Math.max(mentees.length, slots.length);
      const matrix = Array.from({ length: size }, (_, i) => Array.from({ length: size }, (_, j) => (mentees[i] && slots[j] ? BIG + pairScore(input, mentees[i]!, slots[j]!) : 0)));
      const lower = hungarianMax(matrix);
      const count = 5 + Math.floor(lower / BIG);
      const score = chosen.reduce((sum, member) => sum + pairScore(input, member, 'lead'), 0) + (lower % BIG);
      if (count > best.count || (count === best.count && score > best.score)) best = { count, score };
      return;
    }
    for (let i = from; i <= mentors.length - (5 - chosen.length); i++) choose(i + 1, [...chosen, mentors[i]!]);
  };
  choose(0, []);
  return best;
}

describe('assign with more choices of who gets the leads\' places than it can try one by one', () => {
  it.each([2, 43, 49])('seed %i: the placed count and total score of the optimum', (seed) => {
    const input = program(seed);
    const plan = planAssignment(input);
    const expected = oracle(input);
    expect(plan.assignments.length, `seed ${seed} count`).toBe(expected.count);
    expect(plan.assignments.reduce((sum, a) => sum + Math.round(a.score * 1000), 0), `seed ${seed} score`).toBe(expected.score);
    expect(plan.unproven, 'the search went through every choice it had to').toBeUndefined();
  });

  it('says so when the search runs out of its budget, instead of calling the plan optimal', () => {
    // 5 leads with 5 places left among them, 20 waiting mentors, 2,000 waiting mentees: each
    // choice is a solve of 2,000 members, and no bound rules out enough of the 15,504 choices.
    const r = random(7);
    const people = new Map<string, Person>();
    const members: Member[] = [];
    const person = (id: string) => people.set(id, personSchema.parse({ id, name: id, timezone: r.pick(ZONES), skills: r.some(SKILLS, 0.5) }));
    for (let l = 0; l < 5; l++) {
      person(`l${l}`);
      members.push({ person: `l${l}`, role: 'lead', wants: [] });
    }
    for (let m = 0; m < 200; m++) {
      person(`m${m}`);
      members.push({ person: `m${m}`, role: 'mentor', wants: [], ...(m < 180 ? { mentor: `l${m % 5}` } : {}) });
    }
    for (let e = 0; e < 2000; e++) {
      person(`e${e}`);
      members.push({ person: `e${e}`, role: 'mentee', wants: [r.pick(SKILLS)], ...(r.next() < 0.3 ? { prefers: `m${Math.floor(r.next() * 200)}` } : {}) });
    }
    const config = configSchema.parse({ roles: { lead: { maxMentees: 37 }, mentor: { maxMentees: 12 } } });
    const plan = planAssignment({ config, cohort: cohortSchema.parse({ id: 'c', name: 'C', start: START, members }), people, now: 0 });
    expect(plan.unproven).toBe(true);
    const plain = (text: string) => text;
    expect(renderAssignText(plan, { explain: true, slaHours: 48 }, { error: plain, warning: plain, ok: plain, dim: plain, bold: plain, accent: plain })).toContain('not proven optimal');
  });
});
