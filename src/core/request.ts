import { CONFIG_FILE, cohortFile, freeId, ID_PATTERN, isWindowsDeviceName, personFile, suggestId, windowsDeviceIdProblem } from '../domain/layout.js';
import { awayUntil, cohortState } from '../domain/cohort-state.js';
import { canonicalTimeZone, isValidTimeZone } from '../domain/time.js';
import { zoneNotAPlace } from '../domain/zone-words.js';
import { languageCode } from '../domain/languages.js';
import { invisibleNameRefusal, quoted } from '../domain/text.js';
import { closestTimeZone } from '../model/suggest.js';
import { tierAbove } from '../domain/tiers.js';
import { maxMenteesOf, plannedHours, roundHours } from '../domain/commitments.js';
import { GITHUB_PATTERN, type Cohort, type Config, type Person } from '../model/schemas.js';
import { eligibilityText, type AnswerKey, type RequestRole } from './request-form.js';
import { alreadyInCohortProblem, idsTaken, namedIdProblem, registeredAs, takenIdProblem } from './request-ids.js';

// A request for a mentor (or an offer to be one), checked before anything is written. Pure: the
// records, the answers and "now" are arguments. Every refusal says what is wrong and what to do,
// and all of them are found at once, so a requester fixes their form in one go.

export interface RequestAnswers {
  role: RequestRole;
  values: Partial<Record<AnswerKey, string>>;
  github?: string;
  cohort?: string;
  /** Eligibility question ids answered yes. */
  yes: string[];
  /** Answers that are not yes, or name no question: id=value as given. */
  otherAnswers: string[];
  /** Values given as flags on the command line: a problem with one is a usage error. */
  flags?: ReadonlySet<AnswerKey>;
  /** Every value comes from flags (no issue, no prompts): a value missing is a flag missing. */
  flagsOnly?: boolean;
}

export interface RequestRecords {
  config: Config;
  people: ReadonlyMap<string, Person | undefined>;
  cohorts: ReadonlyMap<string, Cohort | undefined>;
  /** Person ids that already have a file (even one that does not parse). */
  takenIds: ReadonlySet<string>;
  /** Where the records name an id that has no person file (a member, a logs folder, a mentor a member has, asked for or had), said after the id; undefined when they do not (core/pull-request/taken-ids.ts recordsNaming). */
  namedBy?: (id: string) => string | undefined;
  /** Today in the program's zone, and now as an instant in it. */
  today: string;
  nowInstant: string;
  /** The cohort requests go to when neither --cohort nor intake.cohort names one. */
  runningCohorts: readonly string[];
  /** Cohorts that cannot be read (or whose dates or members have errors), each with its first error at file:line:col: whether they take requests is unknown. */
  unknownCohorts?: ReadonlyMap<string, string>;
}

export interface RequestPlan {
  /** The new person file; none for a returning person, whose file (`registered`) stays as it is. */
  person?: Record<string, unknown>;
  registered?: string;
  /** The waiting member: a mentee waiting for a mentor, or (an offer) a mentor waiting for a lead. */
  member: { cohort: string; record: Record<string, unknown> };
}

/**
 * A problem only the program's organisers can fix (which cohort takes requests): what the CLI
 * user is told, and what the requester on an issue is told instead, who has no --cohort and may
 * not edit the config, and whose edit of the issue cannot fix it.
 */
export interface OrganisersProblem {
  message: string;
  requester: string;
  /** What the organisers change in the repo, said to them on the issue (they have no --cohort there). */
  fix: string;
}

/**
 * `usage`: a flag is missing or invalid (--github, --cohort naming no cohort, --answer, or a value
 * given as a flag): the command was called wrong (exit 2), rather than the request refused (exit 1).
 */
export type RequestOutcome = { ok: true; plan: RequestPlan } | { ok: false; problems: string[]; usage: boolean; organisers?: OrganisersProblem };

export const listAnswer = (text: string | undefined): string[] =>
  [...new Set((text ?? '').split(/[,\n]/).map((item) => item.trim().toLowerCase()).filter((item) => item !== ''))];

// Record text never carries control characters (see model/schemas.ts).
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

export function checkRequest(records: RequestRecords, answers: RequestAnswers): RequestOutcome {
  const problems: string[] = [];
  let usage = false;
  /** A problem with a value: a usage error when the value is a flag's, or a flag left out. */
  const valueProblem = (key: AnswerKey | 'github' | 'cohort' | 'answer', message: string, missing = false) => {
    // Left out of a run that cannot ask: name the flag that gives it.
    const flag = { person: '--person', name: '--name', timezone: '--timezone', skills: '--skills' }[key as string];
    problems.push(missing && answers.flagsOnly && flag !== undefined ? `${message.replace(/\.$/, '')} (${flag}).` : message);
    if (key === 'github' || key === 'cohort' || key === 'answer' || answers.flags?.has(key) || (missing && answers.flagsOnly)) usage = true;
  };
  const { values } = answers;
  const name = values.name?.trim() ?? '';
  const github = answers.github?.trim().replace(/^@/, '') ?? '';
  const timezone = canonicalTimeZone(values.timezone?.trim() ?? '');
  // A handle a person file has already is a returning person's (last cycle's mentee, say): the
  // request is theirs, whatever id was typed, and adds only their member (the gate lets a person
  // add themselves as a waiting member); their person file stays as it is.
  const returning = GITHUB_PATTERN.test(github) ? registeredAs(github, records.people) : undefined;
  const id = returning ?? values.person?.trim() ?? '';

  if (returning !== undefined) {
    // Theirs already: nothing to check of the id.
  } else if (id === '') valueProblem('person', 'An id is needed: lower-case letters, digits and dashes, such as ada-lovelace.', true);
  else if (!ID_PATTERN.test(id)) valueProblem('person', `The id ${quoted(id)} is not one mentor can use: write lower-case letters, digits and dashes (at most 63), starting with a letter or digit, such as ${suggestId(id, 'ada-lovelace')}.`);
  else if (isWindowsDeviceName(id)) valueProblem('person', `The id ${id} is ${windowsDeviceIdProblem(id)}. Choose another, such as ${freeId(id, idsTaken(records))}.`);
  else if (records.takenIds.has(id)) problems.push(takenIdProblem(id, records.takenIds)!);
  else if (namedIdProblem(id, records)) problems.push(namedIdProblem(id, records)!);

  if (name === '') valueProblem('name', 'A name is needed.', true);
  else if (name.length > 200 || CONTROL.test(name)) valueProblem('name', 'The name must be one line of at most 200 characters, without control characters.');
  else if (invisibleNameRefusal(name)) valueProblem('name', invisibleNameRefusal(name)!);

  if (github === '') valueProblem('github', 'A GitHub handle is needed (--github).', true);
  else if (!GITHUB_PATTERN.test(github)) valueProblem('github', `${quoted(github)} is not a GitHub handle: a handle has letters, digits and single dashes only (at most 39).`);

  if (timezone === '') valueProblem('timezone', 'A time zone is needed, such as Europe/London.', true);
  else if (!isValidTimeZone(timezone)) valueProblem('timezone', `${quoted(timezone)} is not an IANA time zone: ${timeZoneHint(timezone)}`);
  else {
    const abbreviation = abbreviatedZoneProblem(timezone);
    if (abbreviation) valueProblem('timezone', abbreviation);
  }

  const skills = listAnswer(values.skills);
  // Stored as codes, as the program's records write them and assignment compares them.
  const languages = [...new Set(listAnswer(values.languages).map(languageCode))];
  const wants = listAnswer(values.wants);
  for (const [key, tags] of [['skills', skills], ['languages', languages], ['wants', wants]] as const) {
    if (tags.some((tag) => tag.length > 100 || CONTROL.test(tag))) valueProblem(key, 'Each skill and language must be at most 100 characters, without control characters.');
  }
  let maxHours: number | undefined;
  if (values.maxHours !== undefined && values.maxHours.trim() !== '') {
    maxHours = Number(values.maxHours.trim());
    if (!Number.isFinite(maxHours) || maxHours <= 0 || maxHours > 168) valueProblem('maxHours', `${quoted(values.maxHours.trim())} is not a number of hours a week: write one such as 7.`);
  }

  const person: Record<string, unknown> = { id, name, github, timezone };
  // Sorted as `mentor fix` keeps them: a file mentor writes passes `fix --check`.
  if (skills.length > 0) person.skills = [...skills].sort();
  if (languages.length > 0) person.languages = [...languages].sort();

  if (answers.role === 'mentor') {
    // What only a request for a mentor has is no part of an offer: said, not dropped.
    if (wants.length > 0) valueProblem('wants', 'An offer to mentor names what you teach (--skills), not what you want to learn: leave out --wants.');
    if (answers.yes.length + answers.otherAnswers.length > 0) valueProblem('answer', 'An offer to mentor answers no eligibility question (they are asked of a request for a mentor): leave out --answer.');
    if (skills.length === 0 && returning === undefined) valueProblem('skills', 'An offer to mentor names at least one skill you can teach.', true);
    if (maxHours !== undefined && problems.length === 0) person.maxHoursPerWeek = maxHours;
    person.active = true;
  } else {
    // The eligibility questions are the program's for whoever asks for a mentor.
    const questionIds = records.config.intake.eligibility.map((q) => q.id);
    for (const answer of answers.otherAnswers) {
      valueProblem('answer', questionIds.length === 0 ? `The answer ${quoted(answer)} is not needed: this program asks no eligibility question (intake.eligibility in mentor.config.yaml has none). Leave out --answer.` : `The answer ${quoted(answer)} is not understood: answer each question with <id>=yes (questions: ${questionIds.join(', ')}).`);
    }
    problems.push(...checkEligibility(records.config, answers));
  }
  const unknown = records.unknownCohorts ?? new Map<string, string>();
  // The one running cohort is the one only when no cohort that cannot be read might be running too.
  const cohortId = answers.cohort ?? records.config.intake.cohort ?? (records.runningCohorts.length === 1 && unknown.size === 0 ? records.runningCohorts[0] : undefined);
  const cohort = cohortId === undefined ? undefined : records.cohorts.get(cohortId);
  let organisers: OrganisersProblem | undefined;
  const unreadable = cohortId === undefined ? [...unknown] : [...unknown].filter(([id]) => id === cohortId);
  // The cohorts that could take requests instead, for the organisers' fix: running, then about to start.
  const open = [...records.cohorts].filter(([, c]) => c !== undefined && cohortState(c, records.today) !== 'finished').sort(([, a], [, b]) => (a!.start < b!.start ? -1 : a!.start > b!.start ? 1 : 0));
  const candidates = open.map(([cid, c]) => `${cid} (${cohortState(c!, records.today) === 'running' ? 'running' : `starts ${c!.start}`})`).join(', ');
  const setIntake = open.length === 0 ? `Every cohort has finished: open the next one (mentor next), then set intake.cohort in ${CONFIG_FILE} to it.` : `Set intake.cohort in ${CONFIG_FILE} to the cohort that takes requests: ${open.length === 1 ? '' : 'one of '}${candidates}.`;
  if (unreadable.length > 0) {
    const which = unreadable.length === 1 ? `cohort ${unreadable[0]![0]}` : `cohorts ${unreadable.map(([id]) => id).join(', ')}`;
    organisers = {
      message: `The records of ${which} have errors, so mentor cannot tell whether ${unreadable.length === 1 ? 'it takes' : 'they take'} requests: ${unreadable.map(([, error]) => error).join('; ')}. Fix them (\`mentor validate\` shows how)${cohortId === undefined ? ', or name the cohort with --cohort (or intake.cohort in mentor.config.yaml)' : ''}.`,
      requester: "No cohort can take requests right now: the program's records have an error that the organisers must fix.",
      fix: `The records of ${which} have errors: fix them (mentor validate shows how).${cohortId === undefined ? ` Or: ${setIntake}` : ''}`,
    };
  } else if (cohortId === undefined) {
    organisers = records.runningCohorts.length === 0
      ? { message: `No cohort is running to ask in: name one with --cohort (or set intake.cohort in mentor.config.yaml)${open.length > 0 ? `; not finished: ${candidates}` : ''}.`, requester: 'No cohort is taking requests right now.', fix: `No cohort is running today. ${setIntake}` }
      : { message: `${records.runningCohorts.length} cohorts are running: name one with --cohort (or set intake.cohort in mentor.config.yaml).`, requester: 'Several cohorts are running, and the program has not said yet which one takes requests.', fix: setIntake };
  } else if (!cohort || cohortState(cohort, records.today) === 'finished') {
    const message = !cohort ? `There is no cohort "${cohortId}" (${cohortFile(cohortId)}): name one of ${[...records.cohorts.keys()].join(', ') || 'none yet'}.` : `Cohort ${cohortId} ended on ${cohort.end}: ask in a cohort that is running or about to start.`;
    // A cohort named with --cohort is the caller's to fix; one from the config, the organisers'.
    if (answers.cohort !== undefined) {
      if (!cohort) valueProblem('cohort', message);
      else problems.push(message);
    }
    else organisers = {
      message,
      requester: `No cohort is taking requests right now: ${!cohort ? `the program sends them to a cohort "${cohortId}" that does not exist` : `cohort ${cohortId}, the one that took them, ended on ${cohort.end}`}.`,
      fix: `intake.cohort in ${CONFIG_FILE} is ${cohortId}, ${!cohort ? `which is no cohort (${cohortFile(cohortId)})` : `which ended on ${cohort.end}`}. ${setIntake}`,
    };
  }
  if (returning !== undefined && cohort?.members.some((member) => member.person === id)) problems.push(alreadyInCohortProblem(github, id, cohort.id));
  if (answers.role === 'mentor' && maxHours !== undefined && cohort && returning === undefined) problems.push(...tooFewHours(records.config, cohort, maxHours));
  // A returning person's own file holds their hours, whether they are away, and whether they opted out.
  const own = returning === undefined ? undefined : records.people.get(returning);
  if (answers.role === 'mentor' && own?.maxHoursPerWeek !== undefined && cohort) problems.push(...tooFewHours(records.config, cohort, own.maxHoursPerWeek, personFile(returning!)));
  // One away (pausedUntil) is placed with no one before then, while their wait runs against the promise.
  const back = awayUntil(own, records.today);
  if (back !== undefined) problems.push(`${personFile(returning!)} says pausedUntil: ${back}, so assign and claim place ${returning} with no one before then: remove it from your person file (yours to change, in a pull request) to ask now, or ask from ${back}.`);
  if (returning !== undefined && answers.role === 'mentor' && own?.active === false) problems.push(`${personFile(returning)} says active: false, so assign and claim give ${returning} no mentees: set active: true in it (yours to change, in a pull request), then offer again.`);
  const prefers = values.prefers?.trim().replace(/^@/, '');
  let preferred: string | undefined;
  const above = tierAbove(answers.role)!;
  if (prefers !== undefined && prefers !== '' && cohort) {
    preferred = findPreferred(records, cohort, prefers, above);
    if (preferred === undefined) {
      const mentors = cohort.members.filter((m) => m.role === above).map((m) => m.person);
      problems.push(mentors.length > 0 ? `${quoted(prefers)} is not a ${above} of cohort ${cohort.id}: name one of ${mentors.join(', ')}, or leave it empty.` : `${quoted(prefers)} is not a ${above} of cohort ${cohort.id}, which has no ${above}s yet: leave it empty, and a ${above} who joins will see your ${answers.role === 'mentor' ? 'offer' : 'request'}.`);
    }
  }
  if (problems.length > 0 || organisers) return { ok: false, problems, usage, ...(organisers ? { organisers } : {}) };
  // An offer to mentor waits too: for a lead to take the new mentor (claim, or assign).
  const member: Record<string, unknown> = { person: id, role: answers.role };
  if (wants.length > 0 && answers.role === 'mentee') member.wants = [...wants].sort();
  if (preferred !== undefined) member.prefers = preferred;
  member.requestedAt = records.nowInstant;
  return { ok: true, plan: { ...(returning === undefined ? { person } : { registered: personFile(id) }), member: { cohort: cohort!.id, record: member } } };
}

/**
 * An offer whose hours cannot hold one mentee: the new mentor would wait with no room, never given
 * a mentee by assign or a claim, and `hours` would show them planned past their budget.
 */
function tooFewHours(config: Config, cohort: Cohort, maxHours: number, file?: string): string[] {
  const base = plannedHours(config, 'mentor', 0, cohort.cadence).total;
  // Hours given with the offer, or (a returning person) the maxHoursPerWeek of their person file.
  const said = file === undefined ? `${maxHours} hours a week` : `maxHoursPerWeek: ${maxHours} in ${file}`;
  const fix = (least: number) => (file === undefined ? `give at least ${least} hours, or leave the hours empty.` : `raise it to at least ${least} (or remove it) in your person file, in a pull request of its own, then offer again.`);
  // A program whose mentors take no mentees (maxMentees: 0) asks only for the mentor's own plan.
  if (maxMenteesOf(config, 'mentor') === 0) return maxHours >= base ? [] : [`${said} is less than a mentor's plan in cohort ${cohort.id} (${base} h): ${fix(base)}`];
  const withOne = plannedHours(config, 'mentor', 1, cohort.cadence).total;
  if (maxHours >= withOne) return [];
  return [`${said} is less than a mentor's plan with one mentee in cohort ${cohort.id} (${withOne} h: ${base} h, and ${roundHours(withOne - base)} h more per mentee): ${fix(withOne)}`];
}

/** What to write instead of a zone that is not one: the one it most likely meant, else what a zone looks like. */
export function timeZoneHint(zone: string): string {
  const guess = closestTimeZone(zone);
  return guess !== undefined ? `did you mean ${guess}?` : 'write the place you live as the time zone database names it, Continent/City, such as Europe/London or America/Los_Angeles.';
}

function checkEligibility(config: Config, answers: RequestAnswers): string[] {
  const problems: string[] = [];
  for (const question of config.intake.eligibility) {
    if (!answers.yes.includes(question.id)) problems.push(`Not eligible yet: this program asks you to confirm "${eligibilityText(question.question)}" (${question.id}). Requests that cannot confirm it are not taken.`);
  }
  return problems;
}

/** A member of the cohort of the tier above the requester (`role`), by id or GitHub handle. */
function findPreferred(records: RequestRecords, cohort: Cohort, wanted: string, role: string): string | undefined {
  const mentors = cohort.members.filter((member) => member.role === role).map((member) => member.person);
  const lower = wanted.toLowerCase();
  return mentors.find((id) => id === lower) ?? mentors.find((id) => records.people.get(id)?.github?.toLowerCase() === lower);
}

/** Why a requester's zone written as an abbreviation (BST, EST) or an Etc/GMT offset is refused, with the place it usually means; undefined for a place. */
export function abbreviatedZoneProblem(zone: string): string | undefined {
  const abbreviation = zoneNotAPlace(zone);
  return abbreviation && `${abbreviation.message} Write the place you live${abbreviation.place === undefined ? '' : `, such as ${abbreviation.place}`}.`;
}

/** `id=yes` answers of --answer, split into the ids answered yes and the rest. */
export function parseAnswerFlags(flags: readonly string[], config: Config): { yes: string[]; other: string[] } {
  const known = new Set(config.intake.eligibility.map((q) => q.id));
  const yes: string[] = [];
  const other: string[] = [];
  for (const flag of flags) {
    const match = /^([^=]+)=(.*)$/.exec(flag.trim());
    if (!match || !known.has(match[1]!.trim())) other.push(flag);
    // A known question answered anything but yes is simply not confirmed: checkRequest says so.
    else if (/^(yes|y|true)$/i.test(match[2]!.trim())) yes.push(match[1]!.trim());
  }
  return { yes, other };
}
