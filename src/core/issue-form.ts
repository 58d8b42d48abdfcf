import { ELIGIBILITY_LABEL, eligibilityText, requestFields, type AnswerKey, type RequestRole } from './request-form.js';
import type { Config } from '../model/schemas.js';

// Reading back the body GitHub renders for a filled issue form: each field is a `### Label`
// heading, then the answer; an empty answer is `_No response_`; checkboxes are `- [X] label`
// lines. The body is the requester's to edit, so it is read as hostile: a section that is
// missing, doubled or empty where an answer is required is a problem, never a guess.

export interface FormAnswers {
  values: Partial<Record<AnswerKey, string>>;
  /** Eligibility question ids ticked. */
  ticked: string[];
  problems: string[];
}

const NO_RESPONSE = '_No response_';

/** The sections of a form body: label to answer text (trimmed; '' for no response), in order. */
export function issueSections(body: string): { sections: Map<string, string>; repeated: string[] } {
  const sections = new Map<string, string>();
  const repeated: string[] = [];
  let label: string | undefined;
  let lines: string[] = [];
  const close = () => {
    if (label === undefined) return;
    const text = lines.join('\n').trim();
    if (sections.has(label)) repeated.push(label);
    else sections.set(label, text === NO_RESPONSE ? '' : text);
  };
  for (const line of body.replace(/\r\n?/g, '\n').split('\n')) {
    const heading = /^###[ \t]+(.*?)[ \t]*$/.exec(line);
    if (heading) {
      close();
      label = heading[1]!;
      lines = [];
    } else {
      lines.push(line);
    }
  }
  close();
  return { sections, repeated };
}

export function answersFromIssue(body: string, role: RequestRole, config: Config): FormAnswers {
  const { sections, repeated } = issueSections(body);
  const problems = repeated.map((label) => `The section "${label}" appears more than once: edit the issue so that it has one.`);
  const values: FormAnswers['values'] = {};
  for (const field of requestFields(role)) {
    const text = sections.get(field.label);
    if (text === undefined) {
      if (field.required) problems.push(`The section "${field.label}" is missing: was the issue written from the form? Open a new one with the form.`);
      continue;
    }
    if (text === '') continue;
    if (text.includes('\n')) {
      problems.push(`"${field.label}" must be one line.`);
      continue;
    }
    values[field.key] = text;
  }
  const ticked: string[] = [];
  if (role === 'mentee') {
    const boxes = sections.get(ELIGIBILITY_LABEL) ?? '';
    for (const question of config.intake.eligibility) {
      const wanted = eligibilityText(question.question);
      // The label as the form writes it (escaped for Markdown), or raw, as forms made before wrote it.
      const asked = (label: string) => eligibilityText(label) === wanted || eligibilityText(plainLabel(label)) === wanted;
      const line = boxes.split('\n').find((l) => asked(checkboxText(l)?.label ?? ''));
      if (line !== undefined && checkboxText(line)!.checked) ticked.push(question.id);
    }
  }
  return { values, ticked, problems };
}

/**
 * A checkbox label as the form wrote it (render/escape.ts markdownText), back to the question's
 * text: backslash escapes, the three HTML entities and the joiner that keeps an @ from mentioning undone.
 */
function plainLabel(text: string): string {
  return text
    .replace(/\\([\\`*_{}[\]()#!|~$:.])/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/@\u200d/g, '@');
}

function checkboxText(line: string): { checked: boolean; label: string } | undefined {
  const match = /^\s*[-*][ \t]+\[([ xX])\][ \t]+(.*?)\s*$/.exec(line);
  return match ? { checked: match[1] !== ' ', label: match[2]! } : undefined;
}
