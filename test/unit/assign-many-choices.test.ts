import { describe, expect, it } from 'vitest';
import { eligibleMentors, planAssignment, scorePair, waitingMembers, type AssignInput } from '../../src/core/assign.js';
import { cohortSchema, configSchema, personSchema, type Member, type Person } from '../../src/model/schemas.js';
import { renderAssignText } from '../../src/render/assign.js';
import { hungarianMax } from '../helpers/hungarian.js';
import { seeded as random } from '../helpers/seeded.js';

// More waiting mentors than the leads have places. DESIGN.md's hard rules (active, the tier above,
// room) leave the tiers independent: a mentor still waiting for a lead takes mentees like any
// other, so each tier's optimum is the plan's. The oracle places each tier by the Hungarian
// algorithm. (Until session 15 mentees went only to mentors with a lead, the choice of who got the
// leads' places was searched, and a search past its budget said "not proven optimal".)

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

/** The best (placed, score in thousandths) of one tier: `members` into the places of the tier above, by the Hungarian algorithm. */
function hungarianTier(input: AssignInput, members: Member[], role: 'mentor' | 'mentee'): { count: number; score: number } {
  const slots = eligibleMentors(input, role).flatMap((mentor) => Array.from({ length: mentor.room }, () => mentor.id));
  const size = Math.max(members.length, slots.length);
  const matrix = Array.from({ length: size }, (_, i) => Array.from({ length: size }, (_, j) => (members[i] && slots[j] ? BIG + pairScore(input, members[i]!, slots[j]!) : 0)));
  const best = hungarianMax(matrix);
  return { count: Math.floor(best / BIG), score: best % BIG };
}

const plain = (text: string) => text;
const PLAIN = { error: plain, warning: plain, ok: plain, dim: plain, bold: plain, accent: plain };

describe('assign with more waiting mentors than the leads have places', () => {
  it.each([2, 43, 49])('seed %i: each tier at its optimum, mentors waiting for a lead taking mentees too', (seed) => {
    const input = program(seed);
    const plan = planAssignment(input);
    const waiting = waitingMembers(input.cohort);
    for (const role of ['mentor', 'mentee'] as const) {
      const expected = hungarianTier(input, waiting.filter((member) => member.role === role), role);
      const mine = plan.assignments.filter((a) => a.role === role);
      expect(mine.length, `seed ${seed} ${role} count`).toBe(expected.count);
      expect(mine.reduce((sum, a) => sum + Math.round(a.score * 1000), 0), `seed ${seed} ${role} score`).toBe(expected.score);
    }
    // 12 mentees, 14 mentors with room for 3 each but for their budgets: all placed, 9 of the mentors still waiting for the lead's 5 places.
    expect(plan.assignments.filter((a) => a.role === 'mentee')).toHaveLength(12);
    expect(plan.assignments.filter((a) => a.role === 'mentor')).toHaveLength(5);
    expect(renderAssignText(plan, { explain: true, slaHours: 48 }, PLAIN)).toContain('Optimal: the most members placed');
  });

  it('places a big cohort with few places for its waiting mentors exactly, and calls it optimal', () => {
    // 5 leads with 5 places left among them, 20 waiting mentors, 2,000 waiting mentees (the cohort
    // that, searched as one problem, ran past the search's budget).
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
    // Every lead place is taken, and every mentee has a place: 200 mentors x 12 = 2,400 places.
    expect(plan.assignments.filter((a) => a.role === 'mentor')).toHaveLength(5);
    expect(plan.assignments.filter((a) => a.role === 'mentee')).toHaveLength(2000);
    expect(renderAssignText(plan, { explain: true, slaHours: 48 }, PLAIN)).toContain('Optimal: the most members placed');
  });
});
