import { ID_PATTERN, isWindowsDeviceName, suggestId, windowsDeviceIdProblem } from '../domain/layout.js';
import { invisibleNameRefusal } from '../domain/text.js';
import { isValidTimeZone } from '../domain/time.js';
import { abbreviatedZoneProblem, timeZoneHint, type RequestRecords } from './request.js';
import { alreadyInCohortProblem, namedIdProblem, registeredAs, takenIdProblem } from './request-ids.js';
import type { Config } from '../model/schemas.js';
import type { Asker, Question } from '../domain/questions.js';
import { eligibilityText, requestFields, type AnswerKey, type RequestRole } from './request-form.js';

// `mentor request` on a terminal: the same questions as the form, asked one by one for whatever
// the flags left out. Plain data, so they are tested without a terminal.

const formatChecks: Partial<Record<AnswerKey, (value: string) => true | string>> = {
  person: (value) => (!ID_PATTERN.test(value.trim()) ? 'Lower-case letters, digits and dashes, such as ada-lovelace.' : isWindowsDeviceName(value.trim()) ? `Not ${value.trim()}: it is ${windowsDeviceIdProblem(value.trim())}.` : true),
  name: (value) => (value.trim() === '' ? 'An answer is needed.' : (invisibleNameRefusal(value.trim()) ?? true)),
  timezone: (value) => {
    const zone = value.trim();
    if (!isValidTimeZone(zone)) return `Not a time zone: ${timeZoneHint(zone)}`;
    return abbreviatedZoneProblem(zone) ?? true;
  },
};

/** What a question means, said on a terminal where the form's descriptions are not shown. */
const terminalHints: Partial<Record<AnswerKey, string>> = {
  timezone: 'where you live, such as Europe/London or America/New_York',
  languages: 'comma-separated, such as en, fr',
};

/** Mentee or mentor, when --role did not say. */
export const roleQuestion: Question = {
  kind: 'select',
  name: 'role',
  message: 'What would you like to do?',
  choices: [
    { name: 'Ask for a mentor (as a mentee)', value: 'mentee' },
    { name: 'Offer to mentor others', value: 'mentor' },
  ],
  default: 'mentee',
};

/** The last word before a request (`what`: or an offer to mentor) is written: `preview` shows the files as they will be. */
export function confirmRequestQuestion(preview: string, what: string): Question {
  return { kind: 'select', name: 'confirm', message: `Write this ${what}?`, note: preview, choices: [{ name: 'Yes, write it', value: 'write' }, { name: 'No, write nothing', value: 'cancel' }], default: 'write' };
}

export interface AskedRequest {
  values: Partial<Record<AnswerKey, string>>;
  github?: string;
  yes: string[];
}

/** The records an answer is checked against as soon as it is typed, not after the last question. */
/** What the questions check against: the ids taken, the people (a handle registered), and who the cohort asked in has already. */
export type KnownPeople = Pick<RequestRecords, 'takenIds' | 'people' | 'namedBy'> & { cohort?: { id: string; members: ReadonlySet<string> } };

export async function askRequest(asker: Asker, config: Config, role: RequestRole, given: AskedRequest, mentors: ReadonlyArray<{ id: string; name: string }>, known: KnownPeople): Promise<AskedRequest> {
  const values = { ...given.values };
  const checks: typeof formatChecks = { ...formatChecks, person: (value) => { const format = formatChecks.person!(value); return format === true ? (takenAtQuestion(value.trim(), known) ?? namedIdProblem(value.trim(), known) ?? true) : format; } };
  for (const field of requestFields(role)) {
    if (values[field.key] !== undefined) continue;
    if (field.key === 'prefers') {
      if (mentors.length === 0) continue;
      const choice = String(await asker.ask({ kind: 'select', name: 'prefers', message: field.label, choices: [{ name: 'No preference', value: '' }, ...mentors.map((m) => ({ name: `${m.name} (${m.id})`, value: m.id }))] }));
      if (choice !== '') values.prefers = choice;
      continue;
    }
    // The id is optional in the form only: here it is asked, offered from the name.
    const hint = [terminalHints[field.key], field.required || field.key === 'person' ? undefined : 'optional'].filter((part) => part !== undefined).join('; ');
    // The id offered is the name written as one (Enter takes it), unless someone has it already.
    const offered = field.key === 'person' && values.name !== undefined ? suggestId(values.name, '') : '';
    const idDefault = offered !== '' && checks.person!(offered) === true ? { default: offered } : {};
    const question: Question = { kind: 'input', name: field.key, message: hint === '' ? field.label : `${field.label} (${hint})`, ...idDefault, ...(checks[field.key] ? { validate: checks[field.key] } : field.required ? { validate: (v: string) => v.trim() !== '' || 'An answer is needed.' } : {}) };
    const answer = String(await asker.ask(question)).trim();
    if (answer !== '') values[field.key] = answer;
  }
  const github = given.github ?? (String(await asker.ask({ kind: 'input', name: 'github', message: 'Your GitHub handle', validate: (v) => (v.trim() === '' ? 'An answer is needed.' : (alreadyInCohort(v.trim().replace(/^@/, ''), known) ?? true)) })).trim() || undefined);
  const yes = [...given.yes];
  if (role === 'mentee') {
    for (const question of config.intake.eligibility) {
      if (yes.includes(question.id)) continue;
      if (await asker.ask({ kind: 'confirm', name: question.id, message: eligibilityText(question.question), default: false })) yes.push(question.id);
    }
  }
  return { values, ...(github !== undefined ? { github } : {}), yes };
}

/** A handle whose person (a returning one) is in the cohort asked in already: nothing to ask for, said at the question. */
function alreadyInCohort(github: string, known: KnownPeople): string | undefined {
  const id = registeredAs(github, known.people);
  return id !== undefined && known.cohort?.members.has(id) ? alreadyInCohortProblem(github, id, known.cohort.id) : undefined;
}

/**
 * A taken id, said at the id question, which comes before the handle: a returning person typing
 * their own id learns that their handle, asked later, makes the request theirs whatever id they give.
 */
function takenAtQuestion(id: string, known: KnownPeople): string | undefined {
  const taken = takenIdProblem(id, known.takenIds);
  return taken !== undefined && known.people.get(id)?.github !== undefined ? `${taken}\nIf that file is yours, give any id: your GitHub handle makes it yours.` : taken;
}
