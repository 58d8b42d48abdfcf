import { existsInRepo } from '../io/generated.js';
import { cohortDir, cohortFile, freeId, isWindowsDeviceName, membersDir, suggestId, windowsDeviceIdProblem } from '../domain/layout.js';
import { ExitCode, MentorError, usageError } from '../errors.js';
import { print, printError, say, styleFor, terminalWidth } from '../io/output.js';
import { isInteractive, terminalAsker, type Asker } from '../io/prompts.js';
import { writeFilesAtomic } from '../io/write.js';
import { nextMembers, proposeNext, type NextProposal } from '../core/cycles.js';
import { cohortState } from '../domain/cohort-state.js';
import type { Role } from '../domain/tiers.js';
import { dayNumber, isRealDate } from '../domain/time.js';
import { cohortSchema, ID_PATTERN } from '../model/schemas.js';
import { renderIntakeNote, renderNextCohortFiles, renderNextSummary, renderNoEndNote, renderProposalText, renderRollingFromNote, type NewCohort } from '../render/cycles.js';
import { renderNextJson } from '../render/outcome-json.js';
import { sanitizeInline } from '../render/terminal.js';
import { changedMeanwhile, chooseCohort, loadForCommand, lockAndReadAgain, peopleOf, runningCohorts, type Loaded } from './context.js';
import { nextStepAfterCommit, planCommit, writeAndCommit } from './commit-step.js';
import { cohortLogs } from './week-logs.js';

export interface NextOptions {
  repo?: string;
  start: string;
  end?: string;
  name?: string;
  yes?: boolean;
  early?: boolean;
  commit?: boolean;
  format?: 'text' | 'json';
}

/** What validate says of the new cohort's name (--name), written into its cohort.yaml; undefined when it passes. */
function nameProblem(name: string): string | undefined {
  const issue = cohortSchema.shape.name.safeParse(name).error?.issues[0];
  if (issue === undefined) return undefined;
  if (issue.code === 'too_small') return '--name was given empty';
  if (issue.code === 'too_big') return `--name is ${name.length} characters long, more than the ${String(issue.maximum)} a name may have`;
  return `--name ${issue.message}`;
}

export async function nextCommand(fromId: string, toId: string, options: NextOptions, asker: Asker = terminalAsker()): Promise<number> {
  if (!ID_PATTERN.test(toId)) {
    const fits = suggestId(toId, '');
    // "2026 Fall" written as an id may be the cohort it starts from: that is no id for the next one.
    const offer = fits !== '' && fits !== toId && fits !== fromId ? fits : fromId === '2027-spring' ? '2027-fall' : '2027-spring';
    throw usageError(`"${sanitizeInline(toId)}" is not a cohort id.`, `Use lower-case letters, digits and dashes, e.g. ${offer}${fits === fromId ? ` (${fromId} is the cohort it starts from)` : ''}.`);
  }
  if (isWindowsDeviceName(toId)) throw usageError(`"${toId}" cannot be a cohort id: it is ${windowsDeviceIdProblem(toId)}.`, `Choose another id, such as ${freeId(toId, new Set())}.`);
  for (const [flag, date] of [['--start', options.start], ['--end', options.end]] as const) {
    if (date !== undefined && !isRealDate(date)) throw usageError(`${flag} ${sanitizeInline(date)} is not a date.`, 'Write it as YYYY-MM-DD.');
  }
  if (options.end !== undefined && dayNumber(options.end) <= dayNumber(options.start)) throw usageError('--end must be after --start.');
  const badName = options.name === undefined ? undefined : nameProblem(options.name);
  if (badName) throw usageError(`${badName}: validate would refuse it in ${cohortFile(toId)}, so nothing was written.`, `Give the cohort a name a reader can see, or leave out --name for "Cohort ${toId}".`);
  // Only --yes takes the lock from the start: without it, next shows its proposal (no terminal,
  // or JSON) or asks, and takes the lock once the user says write (as assign does).
  const loaded = loadForCommand(options.repo, options.yes === true ? { lock: 'next' } : {});
  const { program } = loaded;
  const from = chooseCohort(loaded, fromId);
  // A name already taken is said before anything else: --early would not help it.
  refuseExisting(loaded, toId);
  const state = cohortState(from.cohort, loaded.today);
  if (state !== 'finished' && !options.early) {
    const ends = from.cohort.end === undefined ? 'it is a rolling cohort with no end' : `it ends ${from.cohort.end}`;
    // A rolling cohort is never over: waiting for it is no advice.
    const how =
      from.cohort.end === undefined
        ? `A rolling cohort never finishes: pass --early to open ${sanitizeInline(toId)} beside it now (only complete weeks are counted), or give ${from.id} an end first (end: in ${from.file}).`
        : `Wait until it is over, or pass --early to open ${sanitizeInline(toId)} now (only complete weeks are counted).`;
    throw new MentorError(`Cohort ${from.id} has not finished (${ends}; today is ${loaded.today}).`, ExitCode.invalid, how);
  }
  if (from.cohort.end !== undefined && dayNumber(options.start) <= dayNumber(from.cohort.end)) {
    throw usageError(`--start ${options.start} overlaps cohort ${from.id}, which ends ${from.cohort.end}.`, 'Start the next cycle after the last one ends.');
  }
  const file = cohortFile(toId);
  const people = peopleOf(program);
  const proposals = proposeNext(program.config, from.cohort, people, cohortLogs(program, from.id), loaded.today);
  const style = styleFor(process.stdout);
  const asJson = options.format === 'json';
  const said = (members: NewCohort['members'], files: string[], branch: string | null) => print(renderNextJson({ from: from.id, to: toId, proposals, members, ok: true, problems: [], files, branch }));
  if (!asJson) print(renderProposalText(from.id, toId, proposals, style, terminalWidth()));

  const chosen = new Map<string, Role | undefined>(proposals.map((p) => [p.person, p.kind === 'leave-out' ? undefined : p.proposed]));
  if (!options.yes) {
    // JSON is for another program: it never asks, and writes only with --yes.
    if (!isInteractive() || asJson) {
      const nothing = 'Nothing written: run on a terminal to confirm each promotion, or pass --yes to accept the proposal.';
      if (asJson) {
        said([], [], null);
        printError(`mentor: ${nothing}`);
      } else say(nothing);
      return ExitCode.ok;
    }
    if (!(await confirmChoices(asker, proposals, chosen, from.cohort, toId, style))) {
      print('Nothing written.');
      return ExitCode.ok;
    }
  }
  const members = nextMembers(from.cohort, chosen);
  if (!options.yes) {
    // Under the lock, from the records as they are now: the cohort the user saw, or nothing.
    const fresh = lockAndReadAgain(loaded, 'next');
    refuseExisting(fresh, toId);
    if (JSON.stringify(nextMembers(chooseCohort(fresh, fromId).cohort, chosen)) !== JSON.stringify(members)) {
      throw changedMeanwhile(`The records of cohort ${from.id}`, `Run \`mentor next ${from.id} ${toId}\` again to see the proposal as it is now.`);
    }
  }
  // Members as files when the cohort they come from keeps them so, or when a list would grow too big to read.
  const asFiles = (program.layout.members.get(from.id)?.length ?? 0) > 0;
  const writes = renderNextCohortFiles({ id: toId, name: options.name ?? `Cohort ${toId}`, start: options.start, ...(options.end ? { end: options.end } : {}), cadence: from.cohort.cadence, members }, from.id, asFiles);
  const files = writes.map((write) => write.file);

  const plan = options.commit ? await planCommit(program.root, `next/${toId}`, files) : undefined;
  await writeAndCommit(plan, () => writeFilesAtomic(program.root, writes), `Open cohort ${toId} from ${from.id}`);
  if (!asJson) say(`Wrote ${file} with ${members.length} members${writes.length > 1 ? `, one file each in ${membersDir(toId)}/` : ''}. Next: \`mentor assign ${toId}\` places them.`);
  if (!asJson && options.end === undefined && from.cohort.end !== undefined) say(renderNoEndNote({ id: from.id, start: from.cohort.start, end: from.cohort.end }, toId, options.start, file));
  if (!asJson && from.cohort.end === undefined) say(renderRollingFromNote(from.id, toId, options.start, cohortFile(from.id)));
  if (!asJson && requestsRefusedUntil(loaded, options.start)) say(renderIntakeNote(toId, options.start));
  if (asJson) said(members, files, plan?.branch ?? null);
  else if (plan) say(nextStepAfterCommit(plan.branch, 'the new cohort', plan.repo.dir));
  return ExitCode.ok;
}

/** Requests go to `intake.cohort` while it has not finished, else to the one running cohort: between cycles there is neither. */
function requestsRefusedUntil(loaded: Loaded, start: string): boolean {
  const intake = loaded.program.config.intake.cohort;
  const intakeCohort = intake === undefined ? undefined : loaded.program.cohorts.get(intake)?.cohort;
  if (intakeCohort && cohortState(intakeCohort, loaded.today) !== 'finished') return false;
  return dayNumber(loaded.today) < dayNumber(start) && runningCohorts(loaded).length === 0;
}

function refuseExisting(loaded: Loaded, toId: string): void {
  if (loaded.program.cohorts.has(toId) || existsInRepo(loaded.program.root, cohortDir(toId))) {
    throw new MentorError(`Cohort ${toId} already exists; mentor never overwrites a cohort.`, ExitCode.usage, 'Choose another id for the next cohort.');
  }
}

/** Asks about each promotion, shows the cohort that results, and lets the user go back; false: cancel. */
async function confirmChoices(asker: Asker, proposals: NextProposal[], chosen: Map<string, Role | undefined>, from: Parameters<typeof nextMembers>[0], toId: string, style: ReturnType<typeof styleFor>): Promise<boolean> {
  const promotions = proposals.filter((p) => p.kind === 'promote');
  for (;;) {
    for (const proposal of promotions) {
      const current = chosen.get(proposal.person);
      const answer = await asker.ask({
        kind: 'select',
        name: `promote.${proposal.person}`,
        message: `${proposal.person}: ${proposal.from} -> ${proposal.proposed}?`,
        choices: [
          { name: `Accept: ${proposal.proposed} in ${toId}`, value: 'accept' },
          { name: `Keep as ${proposal.from}`, value: 'keep' },
          { name: `Leave ${proposal.person} out of ${toId}`, value: 'leave' },
        ],
        default: current === undefined ? 'leave' : current === proposal.proposed ? 'accept' : 'keep',
      });
      chosen.set(proposal.person, answer === 'accept' ? proposal.proposed : answer === 'keep' ? proposal.from : undefined);
    }
    print(renderNextSummary(toId, nextMembers(from, chosen), style, terminalWidth()));
    const action = await asker.ask({
      kind: 'select',
      name: 'action',
      message: `Write ${cohortFile(toId)}?`,
      choices: [
        { name: 'Write it', value: 'write' },
        // Only promotions are asked: with none there is no answer to go back to.
        ...(promotions.length > 0 ? [{ name: 'Go back and change an answer', value: 'back' }] : []),
        { name: 'Cancel (write nothing)', value: 'cancel' },
      ],
    });
    if (action !== 'back') return action === 'write';
  }
}
