import { existsSync } from 'node:fs';
import path from 'node:path';
import { ExitCode, MentorError, usageError } from '../errors.js';
import { assertCanCommit, gitUserName, openGit } from '../io/git.js';
import { print, styleFor } from '../io/output.js';
import { isInteractive, terminalAsker, type Asker } from '../io/prompts.js';
import { readRecord } from '../io/repo.js';
import { writeFileAtomic } from '../io/write.js';
import { directMenteeCounts, plannedHours } from '../domain/commitments.js';
import { logFile } from '../domain/layout.js';
import { askLogContent, cohortQuestion, defaultLogWeek, totalAgainstPlan, hoursQuestions, parseHoursFlags, personForGitUser, personQuestion, textQuestions, weekQuestion, type LogDraft } from '../core/log-draft.js';
import { isIsoWeek, lastCompleteWeek, weekAt } from '../domain/weeks.js';
import { cohortWeeksText, isCohortWeek } from '../domain/cohort-state.js';
import { checkShape } from '../model/check-shape.js';
import { isError } from '../model/problem.js';
import { logContext } from '../model/load.js';
import type { Program } from '../model/program.js';
import { checkLogRules } from '../model/rules/log-rules.js';
import { ID_PATTERN, type Log } from '../model/schemas.js';
import { YamlSource } from '../model/source.js';
import { renderNewLog, updateLogText } from '../render/log-yaml.js';
import { sanitizeForTerminal, sanitizeInline } from '../render/terminal.js';
import { chooseCohort, loadForCommand, lockForWriting, runningCohorts, type Loaded } from './context.js';
import { finishCommit, nextStepAfterCommit, planCommit, startBranch } from './commit-step.js';

export interface LogOptions {
  repo?: string;
  cohort?: string;
  person?: string;
  week?: string;
  hours: string[];
  pr: string[];
  done?: string;
  blockers?: string;
  next?: string;
  force?: boolean;
  commit?: boolean;
}

export async function logCommand(options: LogOptions, asker: Asker = terminalAsker()): Promise<number> {
  const loaded = loadForCommand(options.repo);
  const { program } = loaded;
  const flagsGiven = options.hours.length > 0 || options.pr.length > 0 || [options.done, options.blockers, options.next].some((v) => v !== undefined);
  const interactive = isInteractive() && !flagsGiven;
  const style = styleFor(process.stdout);

  // With --commit, find out before asking anything whether git can commit here at all.
  if (options.commit) await assertCanCommit(openGit(program.root));

  // Who, where and when: flags first, then a prompt (on a terminal), then the defaults.
  let cohortId = options.cohort;
  if (cohortId === undefined && interactive) {
    const running = runningCohorts(loaded);
    if (running.length > 1) cohortId = String(await asker.ask(cohortQuestion(running.map((entry) => ({ id: entry.id, name: entry.cohort!.name })))));
  }
  const entry = chooseCohort(loaded, cohortId);
  const defaultPerson = await gitPerson(program);
  let person = options.person;
  if (person === undefined && interactive) {
    const members = entry.cohort.members.map((member) => ({ id: member.person, name: program.people.get(member.person)?.person?.name ?? member.person, role: member.role }));
    person = String(await asker.ask(personQuestion(members, defaultPerson)));
  }
  person ??= defaultPerson;
  if (person === undefined) throw usageError('Whose log is it? Pass --person <id>.', 'mentor could not tell from your git user name.');
  const thisWeek = weekAt(program.config.timezone, loaded.now);
  let week = options.week;
  const suggested = defaultLogWeek(loaded.today, thisWeek, lastCompleteWeek(loaded.today), (w) => existsSync(path.join(program.root, logFile(entry.id, person!, w))), (w) => isCohortWeek(entry.cohort, w));
  if (week === undefined && interactive) week = String(await asker.ask(weekQuestion(suggested, (value) => (!isIsoWeek(value.trim()) ? 'Write an ISO week such as 2026-W48.' : isCohortWeek(entry.cohort, value.trim()) ? true : `${value.trim()} is outside cohort ${entry.id} (${cohortWeeksText(entry.cohort)}).`)))).trim();
  week ??= thisWeek;

  refuseUnknown(loaded, entry.id, person, week);
  const member = entry.members.get(person)!;
  const file = logFile(entry.id, person, week);
  const existing = readExisting(program.root, file);

  let draft: LogDraft;
  if (interactive) {
    const mentees = directMenteeCounts(entry.cohort.members).get(person) ?? 0;
    draft = await askLogContent(asker, { person, week }, { hours: hoursQuestions(program.config, member.role, mentees, entry.cohort.cadence, existing?.log?.hours), text: textQuestions(existing?.log) });
  } else {
    const { hours, errors } = parseHoursFlags(options.hours);
    if (errors.length > 0) throw usageError(errors.join('\n'));
    if (Object.keys(hours).length === 0 && !existing) throw usageError('No hours given.', 'Pass --hours activity=hours for each activity, e.g. --hours practice=3 --hours code-review=1.');
    draft = {
      person,
      week,
      hours: { ...existing?.log?.hours, ...hours },
      pullRequests: options.pr.length > 0 ? options.pr : (existing?.log?.pullRequests ?? []),
      done: options.done ?? existing?.log?.done ?? undefined,
      blockers: options.blockers ?? existing?.log?.blockers ?? undefined,
      next: options.next ?? existing?.log?.next ?? undefined,
    };
  }

  const text = existing ? updateLogText(existing.text, draft, file) : renderNewLog(draft, file);
  refuseInvalid(loaded, file, text);

  if (interactive) {
    const planned = plannedHours(program.config, member.role, directMenteeCounts(entry.cohort.members).get(person) ?? 0, entry.cohort.cadence).total;
    print(`\n${style.bold(file)}\n${sanitizeForTerminal(text)}\n${totalAgainstPlan(draft.hours, planned)}`);
    const confirmed = await asker.ask({ kind: 'confirm', name: 'confirm', message: existing ? `Replace your existing log for ${week}?` : 'Write this log?', default: true });
    if (!confirmed) {
      print('Nothing written.');
      return ExitCode.ok;
    }
  } else if (existing && !options.force) {
    throw new MentorError(`${file} already exists.`, ExitCode.invalid, 'Pass --force to replace it (comments and formatting are kept), or run on a terminal to confirm.');
  }

  lockForWriting(program.root, 'log');
  const plan = options.commit ? await planCommit(program.root, `log/${person}/${week}`, [file], { fromDefaultBranch: true }) : undefined;
  if (plan) await startBranch(plan);
  writeFileAtomic(path.join(program.root, file), text);
  print(`${existing ? 'Updated' : 'Wrote'} ${file}.`);
  if (plan) {
    await finishCommit(plan, `Log ${week} of ${person}`);
    print(nextStepAfterCommit(plan.branch, 'the log', plan.from));
  }
  return ExitCode.ok;
}

async function gitPerson(program: Program): Promise<string | undefined> {
  // git config answers outside a repository too (the global user).
  const repo = openGit(program.root);
  const people = [...program.people.values()].flatMap((entry) => (entry.person ? [entry.person] : []));
  return personForGitUser(people, await gitUserName(repo));
}

/** An unknown person, a person not in the cohort, or a bad week: exit 1, nothing written. */
function refuseUnknown(loaded: Loaded, cohortId: string, person: string, week: string): void {
  const entry = loaded.program.cohorts.get(cohortId)!;
  if (!ID_PATTERN.test(person) || !loaded.program.people.has(person)) {
    throw new MentorError(`There is no person "${sanitizeInline(person)}".`, ExitCode.invalid, 'Use the id of a file in people/ (without .yaml).');
  }
  if (!entry.members.has(person)) {
    throw new MentorError(`${person} is not a member of cohort ${cohortId}.`, ExitCode.invalid, `Members: ${[...entry.members.keys()].join(', ')}.`);
  }
  if (!isIsoWeek(week)) {
    throw new MentorError(`"${sanitizeInline(week)}" is not an ISO week.`, ExitCode.invalid, 'Write it as YYYY-Www, e.g. 2026-W48.');
  }
  if (!isCohortWeek(entry.cohort!, week)) {
    throw new MentorError(`${week} is outside cohort ${cohortId} (${cohortWeeksText(entry.cohort!)}); nothing was written.`, ExitCode.invalid, 'Log a week of the cohort, or name the cohort that ran that week with --cohort.');
  }
}

/** The log must pass the same checks validate runs, before anything is written. */
function refuseInvalid(loaded: Loaded, file: string, text: string): void {
  const source = new YamlSource(file, text);
  const log = checkShape(source, 'log');
  const problems = [...source.problems];
  if (log) {
    const [, cohort, , person, name] = file.split('/');
    checkLogRules(logContext(loaded.program, { file, kind: 'log', nameId: name!.replace(/\.yaml$/, ''), cohort, person }), source, log, problems);
  }
  const errors = problems.filter(isError);
  if (errors.length > 0) {
    throw new MentorError(`The log is not valid, nothing was written:\n${errors.map((p) => `  ${sanitizeInline(p.message)}${p.fix ? ` ${sanitizeInline(p.fix)}` : ''}`).join('\n')}`, ExitCode.invalid);
  }
}

function readExisting(root: string, file: string): { text: string; log?: Log } | undefined {
  if (!existsSync(path.join(root, file))) return undefined;
  const outcome = readRecord(root, file);
  if ('problem' in outcome) throw new MentorError(`${file} cannot be read: ${outcome.problem.message}`, ExitCode.invalid, outcome.problem.fix);
  const source = new YamlSource(file, outcome.text);
  return { text: outcome.text, log: checkShape(source, 'log') };
}
