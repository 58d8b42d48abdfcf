import { roomFor, directMenteeCounts } from '../../domain/commitments.js';
import { awayUntil, cohortState, cohortWeeksText, isCohortWeek, isPaused } from '../../domain/cohort-state.js';
import { classifyPath, isOutsideProgram, personFile, type PathKind } from '../../domain/layout.js';
import { formatInstant, localDate } from '../../domain/time.js';
import { tierAbove } from '../../domain/tiers.js';
import { compareWeeks, firstOpenWeek, isIsoWeek, lastCompleteWeek, mondayOf, weekAt } from '../../domain/weeks.js';
import type { CohortEntry, Program } from '../../model/program.js';
import type { Member } from '../../model/schemas.js';
import type { Change } from '../../model/scope.js';
import { notTakenForOwner, whoIs, type Author } from './author.js';
import { misplacedLog, movesOwnLogHome, ownLogOf } from './misplaced-log.js';
import type { AuthorAssociation } from '../../domain/github.js';
import { textOnlyChange } from './tree-text.js';
import { membersIn } from './members-in-file.js';
import { recordsNaming } from './taken-ids.js';
import { staleTime } from './stale-time.js';
import { unjudgedChange } from './unjudged-entries.js';
import { writtenJson } from '../../model/written-json.js';

// What the author of a pull request may change, judged by meaning (DESIGN.md "Pull requests on
// GitHub"): who they are and what each change does is read from the base; what it becomes, from
// the head. Pure: both programs, the changes and "now" are arguments.

export interface ChangeVerdict {
  file: string;
  status: Change['status'];
  from?: string;
  allowed: boolean;
  reason: string;
  /** Refused, but the author can put it right themselves (the reason says how): no maintainer needed. */
  theirs?: true;
}

export interface JudgeInput {
  base: Program;
  head: Program;
  changes: readonly Change[];
  author: string;
  /** GitHub's author_association of the author, when known (the gate's workflows pass it). */
  authorAssociation?: AuthorAssociation;
  /** Maintainers whose approval is on the head commit. */
  approvals: readonly string[];
  now: number;
}

interface Context extends JudgeInput {
  who: Author;
  today: string;
  /** The person id a newcomer registers in this pull request. */
  newcomerId?: string;
  /** Every person file this pull request adds with the newcomer's handle (more than one: registered twice). */
  newcomerFiles?: string[];
}

const allow = (reason: string) => ({ allowed: true, reason });
const refuse = (reason: string): Judgement => ({ allowed: false, reason });
/** Refused for a slip the author fixes themselves: a maintainer's approval would only merge the slip. */
const toFix = (reason: string): Judgement => ({ allowed: false, reason, theirs: true });
type Judgement = { allowed: boolean; reason: string; theirs?: true };
/** A member the file holds as it was: no part of what the change does. */
const UNCHANGED: Judgement = allow('unchanged');

export function judgeChanges(input: JudgeInput): { author: Author; verdicts: ChangeVerdict[] } {
  const who = whoIs(input.base, input.author, input.authorAssociation);
  const context: Context = { ...input, who, today: localDate(input.base.config.timezone, input.now) };
  if (who.kind === 'newcomer') {
    context.newcomerFiles = registeredFiles(context);
    if (context.newcomerFiles.length === 1) context.newcomerId = context.newcomerFiles[0];
  }
  const verdicts = input.changes.map((change): ChangeVerdict => {
    const judgement = judge(context, change);
    return { file: change.path, status: change.status, ...(change.from !== undefined ? { from: change.from } : {}), ...judgement };
  });
  return { author: who, verdicts };
}

function judge(context: Context, change: Change): Judgement {
  const { who, approvals } = context;
  if (who.kind === 'maintainer') return allow('a maintainer may change anything');
  if (approvals.length > 0) return allow(`approved by ${approvals.map((m) => `@${m}`).join(', ')} (maintainer)`);
  if (who.kind === 'bot') return refuse('opened by a bot: a maintainer must approve this pull request');
  if (change.status === 'renamed') {
    // A rename takes the file away from where it was (judged like an edit there) and adds it anew.
    const removed = movesOwnLogHome(context.base, change.from!, change.path, context.who.person) ? UNCHANGED : judgePath(context, { status: 'modified', path: change.from!, renamedTo: change.path });
    const added = judgePath(context, { status: 'added', path: change.path });
    return !removed.allowed ? removed : added;
  }
  return judgePath(context, change);
}

function judgePath(context: Context, change: Change & { renamedTo?: string }): Judgement {
  const what = classifyPath(change.path);
  switch (what.kind) {
    case 'log':
      return judgeLog(context, change, what);
    case 'person':
      return (context.base.people.has(what.person) ? undefined : misplaced(context, change)) ?? judgePerson(context, change, what.person);
    case 'cohort':
    case 'member':
      return judgeTree(context, change, what.cohort, what.kind === 'member' ? what.person : undefined);
    case 'config':
      return refuse('the program settings: only a maintainer may change them');
    case 'report':
      return refuse('a report: written by `mentor report`, and only a maintainer may commit it');
    default: {
      if (isOutsideProgram(change.path)) return refuse('outside the program folder (the rest of the repository): only a maintainer may change it');
      return misplaced(context, change) ?? refuse('not a record (records are the .yaml files of people/ and cohorts/): only a maintainer may change other files');
    }
  }
}

/** A log saved in the wrong place is never counted: say where it goes, so the author can move it. */
function misplaced(context: Context, change: Change & { renamedTo?: string }): Judgement | undefined {
  const log = change.status === 'deleted' ? undefined : misplacedLog(context.base, change.path, context.who.person);
  if (log !== undefined && log === change.renamedTo) return refuse(`moves ${change.path}, a file on the base branch that does not name you and may be anyone's log, to ${log}: only a maintainer may move it`);
  return log === undefined ? undefined : toFix(`not where a log goes, so it would never be counted: write it as ${log} (only a maintainer may change files outside the record layout)`);
}

function judgeLog(context: Context, change: Change & { renamedTo?: string }, what: Extract<PathKind, { kind: 'log' }>): Judgement {
  const { who, base } = context;
  if (who.person !== what.person) {
    // A newcomer's own log in the pull request that registers them: right person, wrong time.
    if (what.person === context.newcomerId) return refuse(`your log, but you join in this pull request: add logs in a new pull request once it is merged and a mentor has taken you`);
    return refuse(`a log of ${what.person}: only ${what.person} or a maintainer may change it${notTakenForOwner(base, who, what.person)}`);
  }
  if (change.status === 'deleted') return refuse('your own log, but deleting a log needs a maintainer');
  // A log renamed is that week's log gone (and another added): the same as deleting it.
  if (change.renamedTo !== undefined) return refuse(`your own log, but renaming it takes away the log of ${change.path}, and deleting a log needs a maintainer (write the other week's log as a new file instead)`);
  // A log is for a week of its cohort (DESIGN.md "Time": `log` refuses any other), and one that is
  // not counted in any report, status or progress would be merged for nothing.
  // A cohort folder misspelt (2026-Fall) or made up: no cohort reads the log. Not a cohort to create:
  // only a maintainer starts one.
  if (!base.cohorts.has(what.cohort)) {
    const own = isIsoWeek(what.week) ? ownLogOf(base, what.person, what.week) : undefined;
    return toFix(`your own log, but there is no cohort ${what.cohort}, so it would never be counted: ${own ? `write it as ${own}, in the folder of your cohort` : 'put it in the logs/ folder of your cohort'}`);
  }
  const thisWeek = weekAt(base.config.timezone, context.now);
  if (!isIsoWeek(what.week)) return toFix(`your own log, but its file name ${what.week}.yaml names no week: name it for the ISO week it logs, YYYY-Www.yaml, such as ${lastCompleteWeek(context.today)}.yaml for last week`);
  const cohort = (context.head.cohorts.get(what.cohort) ?? base.cohorts.get(what.cohort))?.cohort;
  if (cohort && !isCohortWeek(cohort, what.week)) return toFix(`your own log, but ${what.week} is outside cohort ${what.cohort} (${cohortWeeksText(cohort)}): a log is for a week of its cohort; rename it to the week you meant`);
  // As `mentor log` refuses it: a week not begun has nothing to log yet.
  if (compareWeeks(what.week, thisWeek) > 0) return toFix(`your own log, but ${what.week} has not started yet (this week is ${thisWeek}): log it once it has begun, on ${mondayOf(what.week)}, or rename it to the week you meant`);
  const lock = base.config.lockLogsAfterWeeks;
  const firstOpen = firstOpenWeek(lock, thisWeek);
  if (firstOpen !== undefined && what.week < firstOpen) return refuse(`the week ${what.week} is closed (logs of weeks before ${firstOpen} are locked: lockLogsAfterWeeks is ${lock}); ask a maintainer to make or approve this change`);
  return allow(change.status === 'added' ? 'your own new log' : 'your own log');
}

function judgePerson(context: Context, change: Change, id: string): Judgement {
  const { who, base, head } = context;
  if (who.kind === 'newcomer') {
    // An id the base already names (a member placed before their person file, logs, a mentor asked for or had) would make the newcomer that person.
    const taken = change.status === 'added' && id === context.newcomerId ? recordsNaming(context.base, id) : undefined;
    if (taken) return refuse(`registers you as ${id}, ${taken}: a maintainer confirms that is you, or register under an id of your own`);
    if (change.status === 'added' && id === context.newcomerId) return allow(`you registering as ${id}`);
    const files = context.newcomerFiles ?? [];
    const twice = files.length > 1 && files.includes(id) ? files.map(personFile).sort() : undefined;
    if (twice) return toFix(`registers you a second time: ${twice.join(' and ')} each say \`github: ${who.handle}\`; keep one of them, under the id you want`);
    // Registering under an id that is taken writes over that person: a maintainer's approval would replace them.
    if (change.status === 'modified' && head.people.get(id)?.hasHandle(who.handle.toLowerCase())) return toFix(`the person file of ${id}, who is registered already: the id ${id} is taken, so register under an id of your own, in a new file ${personFile('<id>')} with that id inside`);
    return refuse(
      base.people.has(id) ? `the person file of ${id}: only its owner or a maintainer may change it${notTakenForOwner(base, who, id)}` : `a new person file whose github is not @${who.handle}: you may add only your own (github: ${who.handle})`,
    );
  }
  if (who.person !== id) return refuse(`the person file of ${id}: only its owner or a maintainer may change it`);
  if (change.status !== 'modified') return refuse(`your own person file, but ${change.status === 'deleted' ? 'deleting' : 'replacing'} it needs a maintainer`);
  const before = base.people.get(id);
  const after = head.people.get(id);
  if (!after) return refuse('your own person file, but renaming it changes your id: ask a maintainer');
  // As written, valid or not: a file with errors at the base (not held against this pull request) keeps its owner too.
  // A head that is no YAML mapping at all (a symlink, a list) names nobody: its problems say what to fix.
  const fieldsOf = (entry: typeof after | undefined) => (entry?.source?.value !== null && typeof entry?.source?.value === 'object' && !Array.isArray(entry.source.value) ? (entry.source.value as Record<string, unknown>) : undefined);
  const written = (key: 'id' | 'github') => writtenJson(fieldsOf(before)?.[key]) === writtenJson(fieldsOf(after)?.[key]);
  if (fieldsOf(after) && !written('id')) return refuse('your own person file, but its `id` is fixed: ask a maintainer to rename a person');
  if (fieldsOf(after) && !written('github')) return refuse('your own person file, but its `github` is how mentor knows you: ask a maintainer to change it');
  // Still there but not a valid person: its problems fail the check and say what to fix.
  return allow(after.person ? 'your own person file' : 'your own person file (fix the problems listed below)');
}

/** A newcomer's own new person files (one, unless they register twice): added in this pull request, with their handle as `github`. */
function registeredFiles(context: Context): string[] {
  const handle = context.who.handle.toLowerCase();
  const added = context.changes.filter((change) => change.status === 'added').map((change) => classifyPath(change.path));
  // By what its `github:` says, valid or not: a slip elsewhere in the file (a time zone) is the
  // newcomer's to fix, and does not make the file someone else's.
  const own = added.filter((what): what is Extract<PathKind, { kind: 'person' }> => what.kind === 'person' && context.head.people.get(what.person)?.hasHandle(handle) === true);
  return own.filter((what) => !context.base.people.has(what.person)).map((what) => what.person);
}

/**
 * A change to a cohort's tree: its cohort.yaml or a member file. Every member it adds, changes
 * or removes is judged; a change to the cohort's own fields needs a maintainer.
 */
function judgeTree(context: Context, change: Change, cohortId: string, memberFile?: string): Judgement {
  const before = context.base.cohorts.get(cohortId);
  const after = context.head.cohorts.get(cohortId);
  if (!before?.cohort) return refuse(before ? `cohort ${cohortId} cannot be read on the base branch (validate says why): only a maintainer may change it until that is fixed` : `cohort ${cohortId} does not exist on the base branch: only a maintainer may start a cohort`);
  if (memberFile === undefined) {
    if (change.status !== 'modified' || !after?.cohort) return refuse('a cohort: only a maintainer may add, delete or replace it');
    const { members: _a, ...ownBefore } = before.cohort;
    const { members: _b, ...ownAfter } = after.cohort;
    if (JSON.stringify(ownBefore) !== JSON.stringify(ownAfter)) return refuse("the cohort's own settings (name, dates, cadence): only a maintainer may change them");
  }
  const unjudged = unjudgedChange(before, after, change.path, change.status !== 'added');
  if (unjudged) return refuse(unjudged);
  const inFile = (entry: CohortEntry | undefined) => membersIn(entry, change.path);
  const old = inFile(before);
  const now = inFile(after);
  const judgements: Judgement[] = [];
  for (const [person, member] of now) judgements.push(judgeMember(context, before, old.get(person) ?? before.members.get(person), member));
  for (const [person] of old) if (!now.has(person) && !after?.members.has(person)) judgements.push(refuse(`removes ${person} from the cohort: only a maintainer may do that`));
  const refused = judgements.find((judgement) => !judgement.allowed);
  if (refused) return refused;
  const textOnly = textOnlyChange(before, after, change.path, change.status);
  if (textOnly) return refuse(textOnly);
  if (judgements.length === 0 && change.status === 'deleted') return refuse('deletes a member file: only a maintainer may remove a member');
  // What the change does to the members it changes (a claim, a release, a join), all of them.
  const changed = judgements.filter((judgement) => judgement !== UNCHANGED);
  return allow(changed.length === 0 ? 'no change to the tree' : changed.map((judgement) => judgement.reason).join('; '));
}

const sameExcept = (a: Member, b: Member, keys: readonly (keyof Member)[]) => {
  const strip = (m: Member) => JSON.stringify(Object.entries(m).filter(([key, value]) => !keys.includes(key as keyof Member) && value !== undefined).sort(([x], [y]) => (x < y ? -1 : 1)));
  return strip(a) === strip(b);
};

function judgeMember(context: Context, cohort: CohortEntry, before: Member | undefined, after: Member): Judgement {
  const { who } = context;
  if (before !== undefined && JSON.stringify(before) === JSON.stringify(after)) return UNCHANGED;
  const self = who.kind === 'newcomer' ? context.newcomerId : who.person;
  if (before === undefined) {
    if (self === undefined && context.newcomerFiles?.includes(after.person)) return toFix(`adds ${after.person}, but this pull request registers you twice: keep one person file, and join under its id`);
    // A newcomer who joins without their person file: the same pull request registers them.
    if (who.kind === 'newcomer' && self === undefined && !context.base.people.has(after.person)) return toFix(`adds ${after.person}, but no person file in this pull request is yours: add ${personFile(after.person)} with \`github: ${who.handle}\` too, to register as you join`);
    if (self === undefined || after.person !== self) return refuse(`adds ${after.person} to cohort ${cohort.id}: you may add only yourself`);
    if (after.mentor !== undefined || after.assignedAt !== undefined) return toFix('adds you with a mentor already set: join as a waiting member (no `mentor`, no `assignedAt`) and a mentor will claim you');
    if (tierAbove(after.role) === undefined) return refuse(`adds you as a ${after.role}: you may join as a waiting mentee or mentor; a maintainer places leads`);
    if (cohortState(cohort.cohort!, context.today) === 'finished') return refuse(`cohort ${cohort.id} has ended: ask for a mentor in a cohort that is running or starting`);
    if ((after.history ?? []).length > 0) return toFix('adds you with a history of earlier matches: join with none (`mentor release` writes history when a match ends)');
    // Without it the request waits unseen: the attention issue mentions, escalates and counts as
    // overdue only members who say when they asked.
    if (after.requestedAt === undefined) return toFix(`adds you without \`requestedAt\`: add \`requestedAt: ${formatInstant(context.base.config.timezone, context.now)}\` (when you ask) to your entry, or no mentor is told you are waiting`);
    const late = staleTime(context, 'requestedAt', after.requestedAt);
    if (late) return toFix(`adds you with ${late}`);
    return allow(`you joining cohort ${cohort.id} as a waiting member`);
  }
  if (before.mentor === undefined && after.mentor !== undefined && sameExcept(before, after, ['mentor', 'assignedAt'])) return judgeClaim(context, cohort, before, after);
  if (before.mentor !== undefined && before.mentor === who.person && after.mentor === undefined) return judgeRelease(context, before, after);
  return refuse(`changes ${after.person} in cohort ${cohort.id}: only a maintainer may (you may claim a waiting member, or release one you mentor)`);
}

/** A claim: the hard rules of assignment, at the base. */
function judgeClaim(context: Context, cohort: CohortEntry, member: Member, after: Member): Judgement {
  const { who, base } = context;
  if (after.mentor !== who.person) return refuse(who.kind === 'newcomer' && after.mentor === context.newcomerId ? `sets ${after.mentor}, you, as the mentor of ${member.person} before you are a member of cohort ${cohort.id}: join in a pull request of its own, and once it is merged, claim ${member.person}` : `sets ${after.mentor} as the mentor of ${member.person}: you may claim a waiting member only for yourself`);
  const tier = tierAbove(member.role);
  const own = cohort.members.get(who.person!);
  if (tier === undefined || own?.role !== tier) return refuse(`claims ${member.person}, a ${member.role}: only a ${tier ?? 'mentor'} of cohort ${cohort.id} may claim them, and you are ${own ? `a ${own.role} there` : `not a member there (a maintainer first adds you to it as a ${tier ?? 'mentor'})`}`);
  const back = awayUntil(base.people.get(member.person)?.person, context.today);
  if (back !== undefined) return refuse(`claims ${member.person}, who is away until ${back} (pausedUntil): claim them from that day`);
  const person = base.people.get(who.person!)?.person;
  if (!person?.active) return refuse(`claims ${member.person}, but your person file says active: false`);
  if (isPaused(person, context.today)) return refuse(`claims ${member.person}, but you are paused until ${person.pausedUntil}`);
  const current = directMenteeCounts(cohort.cohort!.members).get(who.person!) ?? 0;
  if (roomFor(base.config, own.role, current, cohort.cohort!.cadence, person.maxHoursPerWeek) < 1) return refuse(`claims ${member.person}, but you have no room (${current} direct mentees, within maxMentees and maxHoursPerWeek)`);
  const late = staleTime(context, 'assignedAt', after.assignedAt);
  if (late) return refuse(`claims ${member.person} with ${late}`);
  return allow(`you claiming ${member.person}, who was waiting`);
}

/** A release as `mentor release` writes it: back to waiting from now, the ended match appended to `history`. */
function judgeRelease(context: Context, before: Member, after: Member): Judgement {
  const history = after.history ?? [];
  const kept = before.history ?? [];
  const ended = history.at(-1);
  const shape = 'mentor and assignedAt removed, requestedAt set to the release time, and one entry appended to history (mentor, requestedAt, assignedAt, releasedAt, reason), as `mentor release` writes it';
  if (after.assignedAt !== undefined || !sameExcept(before, after, ['mentor', 'assignedAt', 'requestedAt', 'history'])) return refuse(`releases ${after.person} but changes more than a release does: ${shape}`);
  if (history.length !== kept.length + 1 || JSON.stringify(history.slice(0, -1)) !== JSON.stringify(kept) || ended === undefined) return refuse(`releases ${after.person} without keeping the history: ${shape}`);
  const sameMatch = ended.mentor === before.mentor && ended.assignedAt === before.assignedAt && ended.requestedAt === before.requestedAt;
  if (!sameMatch || after.requestedAt !== ended.releasedAt) return refuse(`releases ${after.person}, but the history entry does not match the match that ends: ${shape}`);
  // A release is dated when it is made; a date in the future would shorten the member's wait.
  const late = staleTime(context, 'releasedAt', ended.releasedAt);
  if (late) return refuse(`releases ${after.person} with ${late}`);
  if (ended.assignedAt !== undefined && Date.parse(ended.releasedAt) < Date.parse(ended.assignedAt)) return refuse(`releases ${after.person} with releasedAt (${ended.releasedAt}) before the match began (assignedAt ${ended.assignedAt})`);
  return allow(`you releasing ${after.person}, whom you mentor`);
}
