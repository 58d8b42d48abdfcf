import { ExitCode } from '../errors.js';
import { print, printError, say, styleFor, terminalWidth } from '../io/output.js';
import { isInteractive, terminalAsker, type Asker } from '../io/prompts.js';
import { GO_BACK } from '../domain/questions.js';
import { writeFilesAtomic } from '../io/write.js';
import { runHearingSignals } from '../io/interrupt.js';
import { refuseTooLargeRecords } from './record-size.js';
import { planAssignment, planning, waitingMembers, type AssignInput, type AssignmentPlan } from '../core/assign.js';
import { heldByFieldTypos, memberChoices, mentorChoices, overridesAfter } from '../core/assign-review.js';
import { formatInstant } from '../domain/time.js';
import { applyMemberEdits } from '../render/cohort-yaml.js';
import { renderAssignJson, renderAssignText, renderClaimedWarning, renderFinishedCohortWarning } from '../render/assign.js';
import { claimBranches } from '../io/claim-branches.js';
import { cohortState } from '../domain/cohort-state.js';
import type { CohortEntry } from '../model/program.js';
import type { Cohort } from '../model/schemas.js';
import { changedMeanwhile, chooseCohort, cohortRecordErrors, loadForCommand, lockAndReadAgain, peopleOf, recordErrorsMessage, type Loaded } from './context.js';
import { nextStepAfterCommit, nextStepWithoutCommit, planCommit, writeAndCommit } from './commit-step.js';
import { hoursInOverlappingCohorts } from './week-logs.js';

export interface AssignOptions {
  repo?: string;
  dryRun?: boolean;
  yes?: boolean;
  commit?: boolean;
  explain?: boolean;
  format: 'text' | 'json';
}

export async function assignCommand(cohortId: string | undefined, options: AssignOptions, asker: Asker = terminalAsker()): Promise<number> {
  // Only --yes takes the lock from the start: a preview (--dry-run, or no --yes where nothing can
  // confirm) works beside another writer and in a read-only checkout, and a review on a terminal
  // takes it once the user accepts, checking that the placements still hold (placedAsReviewed).
  const loaded = loadForCommand(options.repo, options.yes === true && !options.dryRun ? { lock: 'assign' } : {});
  const { program } = loaded;
  const asJson = options.format === 'json';
  const entry = chooseCohort(loaded, cohortId, { command: 'assign', strict: asJson ? 'silent' : true });
  // Records with errors place nobody; JSON still says so on stdout, in its own shape.
  const errors = asJson ? cohortRecordErrors(program, entry) : [];
  if (errors.length > 0) {
    const said = recordErrorsMessage(entry, errors);
    print(renderAssignJson({ cohort: entry.id, assignments: [], unassigned: [], totalScore: 0 }, errors));
    printError(`mentor: ${said.message}\n  ${said.hint}`);
    return ExitCode.invalid;
  }
  const input = assignInput(loaded, entry, true);
  // The solve can take seconds: it lets a Ctrl-C be heard meanwhile (under the lock, mentor stops at once, nothing written).
  let plan = await runHearingSignals('working out the placements', planning(input));
  // Placing someone in a cycle that is over gives them no week of mentoring: said, not refused (records may be set right so).
  if (plan.assignments.length > 0 && cohortState(entry.cohort, loaded.today) === 'finished') printError(renderFinishedCohortWarning(entry.id, entry.cohort.end!));
  // A mentor's /claim is a branch whose pull request waits for a merge: placing that member here too makes two that conflict.
  const claimed = (await claimBranches(program.root, entry.id)).filter((c) => plan.assignments.some((a) => a.person === c.member));
  if (claimed.length > 0) printError(renderClaimedWarning(claimed));
  const style = styleFor(process.stdout);
  const show = (current: AssignmentPlan) =>
    options.format === 'json' ? renderAssignJson(current) : renderAssignText(current, { explain: options.explain === true, slaHours: program.config.requestSlaHours, width: terminalWidth() }, style);

  if (options.dryRun || plan.assignments.length === 0) {
    print(show(plan));
    return ExitCode.ok;
  }
  // Without a terminal to confirm on (or with JSON for another tool), only --yes writes.
  if (!options.yes && (!isInteractive() || options.format === 'json')) {
    print(show(plan));
    printError('mentor: nothing written: pass --yes to write these placements (or run on a terminal to review them).');
    return ExitCode.ok;
  }
  // Refuse before anything is written, and before asking.
  const branch = `assign/${entry.id}-${loaded.today}`;
  const planTheCommit = (current: CohortEntry & { cohort: Cohort }) => (options.commit ? planCommit(program.root, branch, touchableFiles(current)) : Promise.resolve(undefined));
  let commitPlan = await planTheCommit(entry);

  let target = entry;
  if (!options.yes) {
    const reviewed = await review(asker, input, plan, show);
    if (!reviewed) {
      print('Nothing written.');
      return ExitCode.ok;
    }
    ({ entry: target, plan } = await placedAsReviewed(loaded, entry.id, reviewed));
    commitPlan = await planTheCommit(target);
  } else {
    print(show(plan));
  }

  const assignedAt = formatInstant(program.config.timezone, loaded.now);
  const edited = applyMemberEdits(target, plan.assignments.map((a) => ({ person: a.person, set: { mentor: a.mentor, assignedAt } })));
  const writes = [...edited].map(([file, content]) => ({ file, content }));
  refuseTooLargeRecords(writes, `Keep the members of ${entry.id} one file each, then run assign again: mentor members ${entry.id} --to files`);
  const message = `Assign mentors in ${entry.id} (${plan.assignments.length} placed)`;
  await writeAndCommit(commitPlan, () => writeFilesAtomic(program.root, writes), message);
  if (options.format !== 'text') return ExitCode.ok;
  say(`Placed ${plan.assignments.length} in ${[...edited.keys()].join(', ') || entry.file}.`);
  if (commitPlan) say(nextStepAfterCommit(commitPlan.branch, 'the placements', program.root));
  else if (edited.size > 0) say(nextStepWithoutCommit('the placements', { root: program.root, branch, files: [...edited.keys()], message }));
  return ExitCode.ok;
}

function assignInput(loaded: Loaded, entry: CohortEntry & { cohort: Cohort }, warn: boolean): AssignInput {
  const { program } = loaded;
  return {
    config: program.config,
    cohort: entry.cohort,
    people: peopleOf(program),
    now: loaded.now,
    elsewhere: hoursInOverlappingCohorts(program, entry.cohort, { warn }),
    held: heldByFieldTypos(program.problems, entry),
  };
}

/** What a placement can touch: cohort.yaml and the place of each waiting member (placed members' files never change). */
function touchableFiles(entry: CohortEntry & { cohort: Cohort }): string[] {
  const waiting = new Set(waitingMembers(entry.cohort).map((member) => member.person));
  return [...new Set([entry.file, ...entry.cohort.members.flatMap((member, index) => (waiting.has(member.person) ? [entry.places[index]!.file] : []))])];
}

/**
 * The placements the user accepted, under the lock and from the records as they are now (with the
 * user's changes): refused when they are not the ones reviewed, since someone wrote meanwhile.
 */
async function placedAsReviewed(loaded: Loaded, cohortId: string, reviewed: Reviewed): Promise<{ entry: CohortEntry & { cohort: Cohort }; plan: AssignmentPlan }> {
  const fresh = lockAndReadAgain(loaded, 'assign');
  const again = () => changedMeanwhile(`The records of cohort ${cohortId}`, `Run \`mentor assign ${cohortId}\` again to review the placements as they are now.`);
  const current = chooseCohort(fresh, cohortId, { command: 'assign' });
  const plan = await runHearingSignals('working out the placements', planning({ ...assignInput(fresh, current, false), ...(reviewed.overrides.size > 0 ? { overrides: reviewed.overrides } : {}) }));
  const pairs = (p: AssignmentPlan) => JSON.stringify(p.assignments.map((a) => [a.person, a.mentor]));
  if (pairs(plan) !== pairs(reviewed.plan)) throw again();
  return { entry: current, plan };
}

interface Reviewed {
  plan: AssignmentPlan;
  /** The user's changes: member -> mentor. */
  overrides: ReadonlyMap<string, string>;
}

/** Shows the plan and lets the user change members' mentors, undo, accept or cancel; undefined: cancel. */
async function review(asker: Asker, input: AssignInput, first: AssignmentPlan, show: (plan: AssignmentPlan) => string): Promise<Reviewed | undefined> {
  const history: Array<Map<string, string>> = [new Map()];
  for (;;) {
    const overrides = history.at(-1)!;
    const plan = overrides.size === 0 ? first : planAssignment({ ...input, overrides });
    print(show(plan));
    const action = await asker.ask({
      kind: 'select',
      name: 'action',
      message: 'Write these placements?',
      choices: [
        { name: 'Accept all and write', value: 'accept' },
        { name: "Change one member's mentor", value: 'change' },
        ...(history.length > 1 ? [{ name: 'Undo the last change', value: 'undo' }] : []),
        { name: 'Cancel (write nothing)', value: 'cancel' },
      ],
    });
    if (action === 'cancel') return undefined;
    if (action === 'accept') return { plan, overrides };
    if (action === 'undo') {
      history.pop();
      continue;
    }
    const change = await chooseChange(asker, input, plan, overrides);
    if (change === undefined) continue;
    const next = overridesAfter(input, first, overrides, change.person, change.mentor);
    if (next === undefined) say(`No change: ${change.person} stays with ${change.mentor}.`);
    else history.push(next);
  }
}

/** Which member goes to which mentor; undefined: back to the plan. Each list has a way back. */
async function chooseChange(asker: Asker, input: AssignInput, plan: AssignmentPlan, overrides: ReadonlyMap<string, string>): Promise<{ person: string; mentor: string } | undefined> {
  for (;;) {
    const person = await asker.ask({ kind: 'select', name: 'member', message: 'Which member?', choices: memberChoices(plan, overrides), back: true });
    if (person === GO_BACK) return undefined;
    const member = input.cohort.members.find((m) => m.person === person)!;
    // A member the plan kept out (held back by a typo, fixed first; away, placed once back) is placed by no choice.
    const keptOut = plan.unassigned.some((u) => u.person === person && (u.code === 'held' || u.code === 'away'));
    const choices = keptOut ? [] : mentorChoices(input, plan, member);
    if (choices.length === 0) {
      const why = plan.unassigned.find((u) => u.person === person)?.reason ?? `no ${member.role === 'mentee' ? 'mentor' : 'lead'} has room`;
      say(`${String(person)} cannot be placed: ${why}. Choose another member, or go back to the plan.`);
      continue;
    }
    const mentor = await asker.ask({ kind: 'select', name: 'mentor', message: `Mentor for ${String(person)}`, choices, back: true });
    if (mentor !== GO_BACK) return { person: String(person), mentor: String(mentor) };
  }
}
