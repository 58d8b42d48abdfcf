import { ExitCode } from '../errors.js';
import { print, printError, say } from '../io/output.js';
import { isInteractive, terminalAsker, type Asker } from '../io/prompts.js';
import { existingFiles, readIssueBody } from '../io/request-files.js';
import { writeFilesAtomic } from '../io/write.js';
import { answersFromIssue } from '../core/issue-form.js';
import { checkRequest, parseAnswerFlags, type RequestAnswers } from '../core/request.js';
import { idForRequest, idsTaken, registeredAs } from '../core/request-ids.js';
import { askRequest, confirmRequestQuestion, roleQuestion } from '../core/request-questions.js';
import type { AnswerKey, RequestRole } from '../core/request-form.js';
import { formatInstant } from '../domain/time.js';
import { ID_PATTERN } from '../domain/layout.js';
import { REQUEST_NOUN, renderRequestDoneMarkdown, renderRequestPreview, renderRequestDoneText, renderRequestRefusalMarkdown, renderRequestRefusalText, requestFiles } from '../render/request.js';
import { renderRequestJson } from '../render/outcome-json.js';
import { changedMeanwhile, firstCohortError, loadForCommand, lockAndReadAgain, peopleOf, runningCohorts, unknownCohorts, type Loaded } from './context.js';
import { nextStepAfterCommit, nextStepWithoutCommit, planCommit, writeAndCommit } from './commit-step.js';
import { recordsNaming } from '../core/pull-request/taken-ids.js';

export interface RequestOptions {
  repo?: string;
  cohort?: string;
  person?: string;
  name?: string;
  github?: string;
  timezone?: string;
  skills?: string;
  wants?: string;
  prefers?: string;
  languages?: string;
  maxHours?: string;
  /** Mentee unless given; asked on a terminal. */
  role?: RequestRole;
  answer: string[];
  fromIssue?: string;
  commit?: boolean;
  format: 'text' | 'json' | 'markdown';
}

export async function requestCommand(options: RequestOptions, asker: Asker = terminalAsker()): Promise<number> {
  const interactive = options.fromIssue === undefined && isInteractive() && options.format === 'text';
  // Asking takes no lock: the records are read again under it once the request is confirmed.
  let loaded = loadForCommand(options.repo, interactive ? {} : { lock: 'request' });
  const { program } = loaded;
  const flags = parseAnswerFlags(options.answer, program.config);
  const given: Partial<Record<AnswerKey, string>> = {};
  for (const key of ['person', 'name', 'timezone', 'skills', 'wants', 'prefers', 'languages', 'maxHours'] as const) if (options[key] !== undefined) given[key] = options[key];
  const role: RequestRole = options.role ?? (interactive ? ((await asker.ask(roleQuestion)) as RequestRole) : 'mentee');
  const fromFlags = { flags: new Set(Object.keys(given) as AnswerKey[]), flagsOnly: options.fromIssue === undefined && !interactive };
  const answers: RequestAnswers = { role, values: given, yes: flags.yes, otherAnswers: flags.other, ...fromFlags, ...(options.github !== undefined ? { github: options.github } : {}), ...(options.cohort !== undefined ? { cohort: options.cohort } : {}) };
  const problems: string[] = [];
  let madeId: string | undefined;

  if (options.fromIssue !== undefined) {
    // The form's answers; the handle is the issue author's (passed by the workflow), never the body's.
    const form = answersFromIssue(readIssueBody(options.fromIssue), role, program.config);
    answers.values = { ...form.values, ...given };
    // The id left empty in the form, or written as no id can be (a name typed there): one made from
    // what was typed or the name, or else the handle, that nobody has. The answer says which.
    const typed = answers.values.person?.trim();
    // A returning person's request is for the id their person file has: none is made.
    const returning = answers.github !== undefined && registeredAs(answers.github.trim().replace(/^@/, ''), peopleOf(program)) !== undefined;
    madeId = returning || (typed && ID_PATTERN.test(typed)) ? undefined : idForRequest([typed, answers.values.name], answers.github, idsTaken(knownIds(loaded)));
    if (madeId !== undefined) answers.values.person = madeId;
    answers.yes = [...new Set([...answers.yes, ...form.ticked])];
    problems.push(...form.problems);
  } else if (interactive) {
    const cohortId = options.cohort ?? program.config.intake.cohort ?? runningCohorts(loaded).map((entry) => entry.id)[0];
    const cohort = cohortId === undefined ? undefined : program.cohorts.get(cohortId)?.cohort;
    const mentors = (cohort?.members ?? []).filter((m) => m.role === 'mentor').map((m) => ({ id: m.person, name: program.people.get(m.person)?.person?.name ?? m.person }));
    const asked = await askRequest(asker, program.config, role, { values: given, yes: answers.yes, ...(answers.github !== undefined ? { github: answers.github } : {}) }, mentors, { ...knownIds(loaded), people: peopleOf(program), ...(cohort ? { cohort: { id: cohort.id, members: new Set(cohort.members.map((m) => m.person)) } } : {}) });
    Object.assign(answers, asked);
  }

  let { outcome, files } = judge(loaded, answers, problems);
  const refuse = () => {
    const all = [...problems, ...(outcome.ok ? [] : outcome.problems)];
    const organisers = outcome.ok ? undefined : outcome.organisers;
    // The answer on the issue is written whatever the exit code: the workflow posts it.
    if (options.format === 'markdown') print(renderRequestRefusalMarkdown(all, organisers, program.config.maintainers, role));
    else if (options.format === 'json') print(renderRequestJson({ role, person: answers.values.person?.trim() || null, cohort: outcome.ok ? outcome.plan.member.cohort : null, organisers: organisers?.message ?? null, ok: false, problems: all, files: [], branch: null }));
    else printError(renderRequestRefusalText(all, organisers, role));
    return !outcome.ok && outcome.usage ? ExitCode.usage : ExitCode.invalid;
  };
  if (!outcome.ok || problems.length > 0) return refuse();

  if (interactive) {
    if ((await asker.ask(confirmRequestQuestion(renderRequestPreview(files), REQUEST_NOUN[role]))) !== 'write') {
      print('Nothing written.');
      return ExitCode.ok;
    }
    // Under the lock, from the records as they are now: the same files, or nothing.
    const shown = JSON.stringify(files);
    loaded = lockAndReadAgain(loaded, 'request');
    ({ outcome, files } = judge(loaded, answers, problems));
    if (!outcome.ok || problems.length > 0) return refuse();
    if (JSON.stringify(files) !== shown) throw changedMeanwhile('The records', 'Run `mentor request` again to see the request as it is now.');
  }
  if (!outcome.ok) return refuse();

  const id = String(outcome.plan.member.record.person);
  const change = { branch: `request/${id}`, files: files.map((f) => f.file), message: role === 'mentor' ? `Offer to mentor: ${id} waits for a lead in ${outcome.plan.member.cohort}` : `Request a mentor: ${id} waits in ${outcome.plan.member.cohort}` };
  const commitPlan = options.commit ? await planCommit(program.root, change.branch, change.files, { fromDefaultBranch: 'where-records-agree' }) : undefined;
  await writeAndCommit(commitPlan, () => writeFilesAtomic(program.root, files), change.message);
  if (options.format === 'markdown') print(renderRequestDoneMarkdown(outcome.plan, madeId));
  else if (options.format === 'text') say(renderRequestDoneText(outcome.plan, files.map((f) => f.file)));
  if (options.format === 'json') print(renderRequestJson({ role, person: id, cohort: outcome.plan.member.cohort, organisers: null, ok: true, problems: [], files: files.map((f) => f.file), branch: commitPlan?.branch ?? null }));
  if (options.format === 'text') {
    say(commitPlan ? nextStepAfterCommit(commitPlan.branch, role === 'mentor' ? 'the offer' : 'the request', program.root) : nextStepWithoutCommit(files.length === 1 ? 'the file' : 'both files', { ...change, root: program.root }));
  }
  return ExitCode.ok;
}

/**
 * The ids the records have: a person file's, and where they name one without (a member, logs, a
 * mentor a member has, asked for or had). A requester gets none of them: the gate refuses a
 * newcomer who registers as one, by the same words (core/pull-request/taken-ids.ts).
 */
function knownIds({ program }: Loaded) {
  return { takenIds: new Set(program.people.keys()), namedBy: (id: string) => recordsNaming(program, id) };
}

/** The request judged against the records (with the files it writes, and `problems` added to when one is taken). */
function judge(loaded: Loaded, answers: RequestAnswers, problems: string[]) {
  const { program } = loaded;
  const outcome = checkRequest(
    {
      config: program.config,
      people: peopleOf(program),
      cohorts: new Map([...program.cohorts].map(([id, entry]) => [id, entry.cohort])),
      ...knownIds(loaded),
      today: loaded.today,
      nowInstant: formatInstant(program.config.timezone, loaded.now),
      runningCohorts: runningCohorts(loaded).map((entry) => entry.id),
      unknownCohorts: new Map(unknownCohorts(program).map((entry) => [entry.id, firstCohortError(entry)])),
    },
    answers,
  );
  const files = outcome.ok ? requestFiles(outcome.plan) : [];
  const taken = existingFiles(program.root, files.map((f) => f.file));
  if (taken.length > 0) problems.push(`${taken.join(' and ')} already ${taken.length === 1 ? 'exists' : 'exist'}: choose another id.`);
  return { outcome, files };
}

