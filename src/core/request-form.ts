import { personFile } from '../domain/layout.js';
import type { Config } from '../model/schemas.js';

// The questions of a request, as one list: the issue forms are rendered from it, the body GitHub
// renders for a filled form is read back with it, and `mentor request` asks the same things.
// A label is how a form answer is found again in the issue body: change one and the form must be
// regenerated (`mentor forms`), which `--check` in CI makes sure of.

export type RequestRole = 'mentee' | 'mentor';

export type AnswerKey = 'person' | 'name' | 'timezone' | 'skills' | 'wants' | 'prefers' | 'languages' | 'maxHours';

export interface FormField {
  key: AnswerKey;
  label: string;
  description: string;
  placeholder?: string;
  required: boolean;
}

export interface EligibilityField {
  label: string;
  /** One required checkbox per question of `intake.eligibility`. */
  options: Array<{ id: string; label: string }>;
}

/** Optional in the form: left empty, the id is made from the name (or the handle), as `mentor request` offers it on a terminal. */
const ID_FIELD: FormField = { key: 'person', label: 'Your id', description: `Optional: lower-case letters, digits and dashes; your file will be ${personFile('<id>')}. Left empty, one is made from your name (Zoë Ñandú: zoe-nandu).`, placeholder: 'ada-lovelace', required: false };
const NAME_FIELD: FormField = { key: 'name', label: 'Your name', description: 'As you would like to be called.', required: true };
const ZONE_FIELD: FormField = { key: 'timezone', label: 'Your time zone', description: 'An IANA time zone, such as Europe/London or America/Los_Angeles.', placeholder: 'Europe/London', required: true };
const LANGUAGES_FIELD: FormField = { key: 'languages', label: 'Languages you speak', description: 'Comma-separated language codes, such as en, fr.', placeholder: 'en', required: false };

export function requestFields(role: RequestRole): FormField[] {
  if (role === 'mentor') {
    return [
      NAME_FIELD,
      ID_FIELD,
      ZONE_FIELD,
      { key: 'skills', label: 'Skills you can teach', description: 'Comma-separated, such as javascript, react.', placeholder: 'javascript, react', required: true },
      LANGUAGES_FIELD,
      { key: 'maxHours', label: 'Hours a week you can give', description: 'Optional: mentor never plans more for you.', placeholder: '7', required: false },
    ];
  }
  return [
    NAME_FIELD,
    ID_FIELD,
    ZONE_FIELD,
    { key: 'wants', label: 'What you want to learn', description: 'Comma-separated skills, such as react, node.', placeholder: 'react', required: false },
    { key: 'skills', label: 'What you know already', description: 'Comma-separated; leave empty if you are starting out.', required: false },
    { key: 'prefers', label: 'A mentor you would like', description: 'Optional: the id of a mentor of the cohort.', required: false },
    LANGUAGES_FIELD,
  ];
}

export const ELIGIBILITY_LABEL = 'Before you ask';

/**
 * An eligibility question as the form shows it and the issue body gives it back: one line, runs of
 * white space as one space. A question written as a YAML block (`>` or `|`) ends in a newline, and
 * a checkbox's label is one line of the body, so the raw text would never be found ticked.
 */
export function eligibilityText(question: string): string {
  return question.replace(/\s+/g, ' ').trim();
}

export function eligibilityField(config: Config): EligibilityField | undefined {
  const questions = config.intake.eligibility;
  return questions.length === 0 ? undefined : { label: ELIGIBILITY_LABEL, options: questions.map((q) => ({ id: q.id, label: eligibilityText(q.question) })) };
}
