import path from 'node:path';
import { ExitCode, MentorError } from '../errors.js';
import { print, styleFor } from '../io/output.js';
import { isInteractive, terminalAsker, type Asker } from '../io/prompts.js';
import { readRecord } from '../io/repo.js';
import { writeFileAtomic } from '../io/write.js';
import { eligibleMentors, planAssignment, scorePair, type AssignInput, type AssignmentPlan } from '../core/assign.js';
import { formatInstant } from '../domain/time.js';
import { applyMemberEdits } from '../render/cohort-yaml.js';
import { renderAssignJson, renderAssignText } from '../render/assign.js';
import { chooseCohort, loadForCommand, lockForWriting } from './context.js';
import { finishCommit, nextStepAfterCommit, planCommit, startBranch } from './commit-step.js';

export interface AssignOptions {
  repo?: string;
  dryRun?: boolean;
  yes?: boolean;
  commit?: boolean;
  explain?: boolean;
  format: 'text' | 'json';
}

export async function assignCommand(cohortId: string | undefined, options: AssignOptions, asker: Asker = terminalAsker()): Promise<number> {
  const loaded = loadForCommand(options.repo);
  const { program } = loaded;
  const entry = chooseCohort(loaded, cohortId);
  const people = new Map([...program.people].map(([id, person]) => [id, person.person]));
  const input: AssignInput = { config: program.config, cohort: entry.cohort, people, now: loaded.now };
  let plan = planAssignment(input);
  const style = styleFor(process.stdout);
  const show = (current: AssignmentPlan) =>
    options.format === 'json' ? renderAssignJson(current) : renderAssignText(current, { explain: options.explain === true, slaHours: program.config.requestSlaHours }, style);

  if (options.dryRun || plan.assignments.length === 0) {
    print(show(plan));
    return ExitCode.ok;
  }
  // Refuse before anything is written, and before asking.
  lockForWriting(program.root, 'assign');
  const commitPlan = options.commit ? await planCommit(program.root, `assign/${entry.id}-${loaded.today}`, [entry.file]) : undefined;

  if (isInteractive() && !options.yes && options.format === 'text') {
    const overrides = new Map<string, string>();
    for (;;) {
      print(show(plan));
      const action = await asker.ask({
        kind: 'select',
        name: 'action',
        message: 'Write these placements?',
        choices: [
          { name: 'Accept all and write', value: 'accept' },
          { name: "Change one member's mentor", value: 'change' },
          { name: 'Cancel (write nothing)', value: 'cancel' },
        ],
      });
      if (action === 'cancel') {
        print('Nothing written.');
        return ExitCode.ok;
      }
      if (action === 'accept') break;
      const person = String(await asker.ask({ kind: 'select', name: 'member', message: 'Which member?', choices: [...plan.assignments, ...plan.unassigned].map((a) => ({ name: a.person, value: a.person })) }));
      const member = entry.cohort.members.find((m) => m.person === person)!;
      const taken = new Map<string, number>();
      for (const a of plan.assignments) if (a.person !== person) taken.set(a.mentor, (taken.get(a.mentor) ?? 0) + 1);
      const choices = eligibleMentors(input, member.role)
        .filter((mentor) => mentor.room - (taken.get(mentor.id) ?? 0) > 0)
        .map((mentor) => {
          const score = scorePair(program.config.matching, member, people.get(person), mentor.id, people.get(mentor.id), entry.cohort.start).total;
          return { name: `${mentor.id}  score ${score}, room ${mentor.room - (taken.get(mentor.id) ?? 0)}`, value: mentor.id };
        });
      if (choices.length === 0) {
        print(`No ${member.role === 'mentee' ? 'mentor' : 'lead'} has room for ${person}.`);
        continue;
      }
      overrides.set(person, String(await asker.ask({ kind: 'select', name: 'mentor', message: `Mentor for ${person}`, choices })));
      plan = planAssignment({ ...input, overrides });
    }
  } else {
    print(show(plan));
  }

  const text = readCohortText(program.root, entry.file);
  const assignedAt = formatInstant(program.config.timezone, loaded.now);
  const edits = plan.assignments.map((a) => ({ index: entry.memberIndex[entry.cohort.members.findIndex((m) => m.person === a.person)]!, mentor: a.mentor, assignedAt }));
  if (commitPlan) await startBranch(commitPlan);
  writeFileAtomic(path.join(program.root, entry.file), applyMemberEdits(text, edits));
  if (options.format === 'text') print(`Placed ${plan.assignments.length} in ${entry.file}.`);
  if (commitPlan) {
    await finishCommit(commitPlan, `Assign mentors in ${entry.id} (${plan.assignments.length} placed)`);
    if (options.format === 'text') print(nextStepAfterCommit(commitPlan.branch, 'the placements'));
  }
  return ExitCode.ok;
}

function readCohortText(root: string, file: string): string {
  const outcome = readRecord(root, file);
  if ('problem' in outcome) throw new MentorError(`${file} cannot be read: ${outcome.problem.message}`, ExitCode.usage);
  return outcome.text;
}
