import { directMenteeCounts, plannedHours, maxMenteesOf, roundHours } from '../../domain/commitments.js';
import { crossCohortOverBudget, type CrossCohortOverBudget } from '../../domain/cross-cohort.js';
import { datesInOrder as datesCanBeUsed, duplicateMembers, mentorCycles, selfMentoring } from '../../domain/member-checks.js';
import { tierAbove } from '../../domain/tiers.js';
import { dayNumber } from '../../domain/time.js';
import type { Problem, Severity } from '../problem.js';
import type { CohortEntry, Program } from '../program.js';
import type { Cohort, Member } from '../schemas.js';
import type { PathSegment } from '../source.js';
import { guesser } from '../suggest.js';
import { cohortDir, isUsableId, notAnIdWords, personFile } from '../../domain/layout.js';
import { yamlText } from '../yaml-value.js';

// Rules within a cohort and from a cohort to people. Each rule is one small function with a
// stable id; it reports through `report`, which points at the member's key or value.

export interface CohortRuleContext {
  program: Program;
  entry: CohortEntry;
  cohort: Cohort;
  /** Reports a problem at a field of the cohort (path from the top of cohort.yaml). */
  report(path: readonly PathSegment[], at: 'key' | 'value', rule: string, severity: Severity, message: string, fix?: string): void;
  /** Reports a problem at a field of the i-th member of cohort.members. */
  reportMember(index: number, field: keyof Member, rule: string, severity: Severity, message: string, fix?: string, subject?: string): void;
}

type CohortRule = (context: CohortRuleContext) => void;

const idMatchesFolder: CohortRule = ({ entry, cohort, report }) => {
  // Only a stand-in for an id with errors is not the cohort's own: other fields' errors do not hide this one.
  if (cohort.id !== entry.id && !entry.replaced.includes('id')) {
    report(['id'], 'value', 'id-matches-file', 'error', `The id "${cohort.id}" differs from the folder name ${cohortDir(entry.id)}/.`, isUsableId(entry.id) ? `Set \`id: ${yamlText(entry.id)}\`, or rename the folder to ${cohortDir(cohort.id)}/.` : `Rename the folder to ${cohortDir(cohort.id)}/: ${notAnIdWords(entry.id)}.`);
  }
};

const datesInOrder: CohortRule = ({ entry, cohort, report }) => {
  if (entry.replaced.includes('start') || entry.replaced.includes('end')) return;
  if (cohort.end !== undefined && dayNumber(cohort.end) <= dayNumber(cohort.start)) {
    report(['end'], 'value', 'cohort-dates', 'error', `The cohort ends (${cohort.end}) before it starts (${cohort.start}).`, 'Set `end` to a date after `start`.');
  }
};

/** How many other places of a member listed again a problem names; the rest are counted. */
const PLACES_NAMED = 5;

const memberOnce: CohortRule = ({ entry, cohort, reportMember }) => {
  for (const { person, indexes } of duplicateMembers(cohort.members)) {
    const where = (index: number) => {
      const place = entry.places[index]!;
      return `${place.file}:${place.source.position(place.source.offsetOf([...place.path, 'person'], 'value')).line}`;
    };
    const named = indexes.slice(0, PLACES_NAMED + 1).map((index) => ({ index, at: where(index) }));
    for (const index of indexes) {
      const others = named.filter((place) => place.index !== index).slice(0, PLACES_NAMED).map((place) => place.at);
      const more = indexes.length - 1 - others.length;
      const also = more > 0 ? `${others.join(', ')} and ${more} more` : others.join(', ');
      reportMember(index, 'person', 'member-duplicate', 'error', `${person} is listed ${indexes.length} times in this cohort (also at ${also}).`, 'Keep one entry for this person and delete the others.');
    }
  }
};

const notOwnMentor: CohortRule = ({ cohort, reportMember }) => {
  for (const { person, index } of selfMentoring(cohort.members)) {
    reportMember(index, 'mentor', 'member-own-mentor', 'error', `${person} is named as their own mentor.`, `Set \`mentor:\` to a ${tierAbove(cohort.members[index]!.role) ?? 'mentor'} of this cohort, or delete the line.`);
  }
};

/** A cycle of mentors puts none of its members under a lead: named once, at the `mentor:` that closes it. */
const noMentorCycle: CohortRule = ({ entry, cohort, reportMember }) => {
  for (const cycle of mentorCycles(cohort.members)) {
    if (cycle.length === 1) continue; // their own mentor: said by notOwnMentor
    if (cycle.some((index) => entry.members.get(cohort.members[index]!.person) !== cohort.members[index])) continue; // a duplicate entry: said by memberOnce
    const people = cycle.map((index) => cohort.members[index]!);
    const links = people.map((member) => `${member.person}'s mentor is ${member.mentor}`);
    const shown = links.length > 6 ? [...links.slice(0, 5), `… (${links.length - 5} more)`] : links;
    const closing = people.at(-1)!;
    const above = tierAbove(closing.role);
    const leads = above === undefined ? [] : [...entry.members.values()].filter((member) => member.role === above && !people.includes(member)).map((member) => member.person).sort();
    const choice = above === undefined ? 'delete the line (a lead has no mentor)' : `set it to a ${above} of this cohort${leads.length > 0 ? ` (${leads.length > 5 ? `${leads.slice(0, 5).join(', ')}, ...` : leads.join(', ')})` : ''}`;
    reportMember(
      cycle.at(-1)!,
      'mentor',
      'mentor-cycle',
      'error',
      `The mentors go round in a cycle: ${shown.slice(0, -1).join(', ')} and ${shown.at(-1)}. None of them is under a lead, nor are their mentees.`,
      `Break the cycle here: ${choice}.`,
    );
  }
};

const memberIsPerson: CohortRule = ({ program, cohort, reportMember }) => {
  const guess = guesser(() => program.people.keys());
  cohort.members.forEach((member, index) => {
    if (!program.people.has(member.person)) {
      const meant = guess(member.person);
      reportMember(index, 'person', 'member-unknown-person', 'error', `There is no person "${member.person}" (no ${personFile(member.person)}).`, meant ? `Did you mean "${meant}"? Otherwise create ${personFile(member.person)}.` : `Create ${personFile(member.person)}, or fix the id.`, `missing-person:${member.person}`);
    }
  });
};

const mentorTier: CohortRule = ({ entry, cohort, reportMember }) => {
  // The members of a tier, found once per cohort, and guesses for names no member has (model/suggest.ts
  // guesser): a broken tree of thousands of members must not cost thousands of scans of the cohort.
  const ofRole = new Map<string, string[]>();
  const membersOf = (role: string) => {
    let found = ofRole.get(role);
    if (!found) ofRole.set(role, (found = [...entry.members.values()].filter((m) => m.role === role).map((m) => m.person).sort()));
    return found;
  };
  const guessers = new Map<string, (name: string) => string | undefined>();
  const guessFor = (name: string, role: string) => {
    let guess = guessers.get(role);
    if (!guess) guessers.set(role, (guess = guesser(() => membersOf(role))));
    return guess(name);
  };
  cohort.members.forEach((member, index) => {
    if (member.mentor === undefined) return;
    if (member.mentor === member.person) return; // said once, by notOwnMentor
    const expected = tierAbove(member.role);
    if (expected === undefined) {
      reportMember(index, 'mentor', 'lead-has-mentor', 'error', `${member.person} is a lead, and a lead has no mentor.`, 'Delete the `mentor:` line, or change the role.');
      return;
    }
    const mentor = entry.members.get(member.mentor);
    if (mentor === undefined) {
      const guess = guessFor(member.mentor, expected);
      reportMember(index, 'mentor', 'member-unknown-mentor', 'error', `The mentor "${member.mentor}" is not a member of this cohort.`, guess ? `Did you mean "${guess}"? Otherwise add ${member.mentor} to the members as a ${expected}.` : `Add ${member.mentor} to the members as a ${expected}, or choose a ${expected} of this cohort.`, `not-member:${entry.id}:${member.mentor}`);
    } else if (mentor.role !== expected) {
      const candidates = membersOf(expected);
      const named = candidates.length === 0 ? `This cohort has no ${expected} yet: add one, or change the role.` : `Choose a ${expected} of this cohort as mentor: ${candidates.length > 10 ? `${candidates.slice(0, 10).join(', ')}, ...` : candidates.join(', ')}.`;
      reportMember(index, 'mentor', 'mentor-tier', 'error', `A ${member.role}'s mentor is a ${expected}, but ${member.mentor} is a ${mentor.role} in this cohort.`, named);
    }
  });
};

const preferenceResolves: CohortRule = ({ program, entry, cohort, reportMember }) => {
  cohort.members.forEach((member, index) => {
    if (member.prefers === undefined) return;
    const expected = tierAbove(member.role);
    const preferred = entry.members.get(member.prefers);
    if (!program.people.has(member.prefers)) {
      reportMember(index, 'prefers', 'member-unknown-person', 'error', `There is no person "${member.prefers}" (no ${personFile(member.prefers)}).`, 'Fix the id of the preferred mentor, or delete the `prefers:` line.', `missing-person:${member.prefers}`);
    } else if (expected === undefined || preferred === undefined || preferred.role !== expected) {
      reportMember(index, 'prefers', 'prefers-not-eligible', 'warning', `${member.prefers} is not a ${expected ?? 'mentor'} in this cohort, so the preference cannot be honoured.`, `Choose a ${expected ?? 'mentor'} of this cohort, or delete the \`prefers:\` line.`);
    }
  });
};

/** Both ways out, each with who takes it: a person who lowered their own budget can only raise it again. */
const overBudgetFix = (person: string, planned: number) => `Move a mentee to someone with room (a maintainer's change), or raise maxHoursPerWeek in ${personFile(person)} to ${planned} or more.`;

/** maxHoursPerWeek holds across every cohort whose dates overlap: planned hours add up. */
const capacityAcrossCohorts: CohortRule = ({ program, entry, cohort, reportMember }) => {
  if (entry.partial || !datesCanBeUsed(cohort)) return;
  for (const over of overBudgetAcrossCohorts(program).get(cohort.id) ?? []) {
    const index = cohort.members.findIndex((member) => member.person === over.person);
    if (index < 0) continue;
    const total = roundHours(over.planned + over.elsewhere.hours);
    reportMember(index, 'person', 'capacity-max-hours', 'error', `${over.person} is planned for ${total} hours a week across overlapping cohorts (${over.planned} here, ${over.elsewhere.hours} in ${over.elsewhere.cohorts.join(', ')}), past their budget of ${over.maxHoursPerWeek} (maxHoursPerWeek).`, overBudgetFix(over.person, total));
  }
};

const acrossCohorts = new WeakMap<Program, Map<string, CrossCohortOverBudget[]>>();

/**
 * Computed once per program, for the people who are members of more than one cohort: only their
 * person files are read (a run that checks a few changed files reads no other). By cohort.
 */
function overBudgetAcrossCohorts(program: Program): Map<string, CrossCohortOverBudget[]> {
  let found = acrossCohorts.get(program);
  if (found) return found;
  const cohorts = [...program.cohorts.values()].flatMap((other) => (other.cohort && !other.partial && datesCanBeUsed(other.cohort) ? [other.cohort] : []));
  const seen = new Map<string, number>();
  for (const cohort of cohorts) for (const person of new Set(cohort.members.map((member) => member.person))) seen.set(person, (seen.get(person) ?? 0) + 1);
  const inSeveral = [...seen].filter(([, count]) => count > 1).map(([person]) => person);
  const people = new Map(inSeveral.map((id) => [id, program.people.get(id)?.person]));
  found = new Map();
  if (inSeveral.some((id) => people.get(id)?.maxHoursPerWeek !== undefined)) {
    for (const over of crossCohortOverBudget(program.config, cohorts, people)) {
      const list = found.get(over.cohort);
      if (list) list.push(over);
      else found.set(over.cohort, [over]);
    }
  }
  acrossCohorts.set(program, found);
  return found;
}

const capacity: CohortRule = ({ program, entry, cohort, reportMember }) => {
  const counts = directMenteeCounts(cohort.members);
  cohort.members.forEach((member, index) => {
    if (entry.members.get(member.person) !== member) return; // duplicates are reported once
    const mentees = counts.get(member.person) ?? 0;
    if (mentees === 0) return;
    const max = maxMenteesOf(program.config, member.role);
    if (member.role !== 'mentee' && mentees > max) {
      reportMember(index, 'person', 'capacity-max-mentees', 'error', `${member.person} has ${mentees} direct mentees; a ${member.role} has at most ${max}.`, `Move ${mentees - max} of them to another ${member.role}, or raise roles.${member.role}.maxMentees in mentor.config.yaml.`);
    }
    const budget = program.people.get(member.person)?.person?.maxHoursPerWeek;
    if (budget !== undefined && member.role !== 'mentee') {
      const planned = plannedHours(program.config, member.role, mentees, cohort.cadence).total;
      if (planned > budget + 1e-9) {
        reportMember(index, 'person', 'capacity-max-hours', 'error', `${member.person} is planned for ${planned} hours a week with ${mentees} mentees, past their budget of ${budget} (maxHoursPerWeek).`, overBudgetFix(member.person, planned));
      }
    }
  });
};

const assignmentTimes: CohortRule = ({ cohort, reportMember }) => {
  cohort.members.forEach((member, index) => {
    if (member.assignedAt !== undefined && member.mentor === undefined) {
      reportMember(index, 'assignedAt', 'assigned-without-mentor', 'warning', `${member.person} has an assignedAt time but no mentor.`, 'Add the `mentor:` or delete `assignedAt:`.');
    }
    if (member.assignedAt !== undefined && member.requestedAt !== undefined && Date.parse(member.assignedAt) < Date.parse(member.requestedAt)) {
      reportMember(index, 'assignedAt', 'assigned-before-requested', 'warning', `${member.person} was assigned (${member.assignedAt}) before they asked (${member.requestedAt}).`, 'Check both times and their zones.');
    }
  });
};

export const COHORT_RULES: readonly CohortRule[] = [idMatchesFolder, datesInOrder, memberOnce, notOwnMentor, noMentorCycle, memberIsPerson, mentorTier, preferenceResolves, capacity, capacityAcrossCohorts, assignmentTimes];

export function checkCohortRules(program: Program, entry: CohortEntry, problems: Problem[]): void {
  const { cohort, source } = entry;
  if (!cohort || !source) return;
  const context: CohortRuleContext = {
    program,
    entry,
    cohort,
    report: (path, at, rule, severity, message, fix) => problems.push(source.problemAt(path, at, rule, severity, message, fix)),
    reportMember: (index, field, rule, severity, message, fix, subject) => {
      const place = entry.places[index]!;
      problems.push({ ...place.source.problemAt([...place.path, field], 'value', rule, severity, message, fix), ...(subject ? { subject } : {}) });
    },
  };
  for (const rule of COHORT_RULES) rule(context);
}

