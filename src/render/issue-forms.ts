import { Document } from 'yaml';
import { eligibilityField, requestFields, type RequestRole } from '../core/request-form.js';
import type { Config } from '../model/schemas.js';
import { markdownText } from './escape.js';

// The issue forms of a program repo, generated from the config and the request's fields (the
// same list `mentor request --from-issue` reads back). `mentor forms --check` keeps them in sync.

export const REQUEST_FORM = '.github/ISSUE_TEMPLATE/request-a-mentor.yml';
export const MENTOR_FORM = '.github/ISSUE_TEMPLATE/become-a-mentor.yml';
/** The labels the forms put on their issues; the request workflow acts on these only. */
export const REQUEST_LABEL = 'mentor-request';
export const OFFER_LABEL = 'mentor-offer';

function form(config: Config, role: RequestRole): string {
  // The intro is Markdown GitHub renders on the form: the name is the maintainers' text, not markup.
  const program = markdownText(config.program);
  const body: unknown[] = [
    {
      type: 'markdown',
      attributes: {
        value:
          role === 'mentee'
            ? `Ask ${program} for a mentor. When you submit, a workflow checks your answers and opens a pull request that adds you as waiting for a mentor, or tells you here what to fix. Mentors see waiting requests on the attention issue.`
            : `Offer to mentor in ${program}. When you submit, a workflow checks your answers and opens a pull request that adds you as a mentor waiting for a lead, or tells you here what to fix. Leads see waiting mentors on the attention issue.`,
      },
    },
    ...requestFields(role).map((field) => ({
      type: 'input',
      id: field.key,
      attributes: { label: field.label, description: field.description, ...(field.placeholder !== undefined ? { placeholder: field.placeholder } : {}) },
      validations: { required: field.required },
    })),
  ];
  const eligibility = role === 'mentee' ? eligibilityField(config) : undefined;
  if (eligibility) body.push({ type: 'checkboxes', id: 'eligibility', attributes: { label: eligibility.label, options: eligibility.options.map((o) => ({ label: markdownText(o.label), required: true })) } });
  const value = {
    name: role === 'mentee' ? 'Request a mentor' : 'Become a mentor',
    description: role === 'mentee' ? 'Ask for a mentor: you are added as waiting, and a mentor claims you.' : 'Offer to mentor: you are added as waiting, and a lead takes you on.',
    title: role === 'mentee' ? 'Request a mentor' : 'Become a mentor',
    labels: [role === 'mentee' ? REQUEST_LABEL : OFFER_LABEL],
    body,
  };
  return `# Written by \`mentor forms\` from mentor.config.yaml (intake); regenerate it after changing the config.\n${new Document(value).toString({ lineWidth: 0 })}`;
}

export function issueForms(config: Config): Map<string, string> {
  return new Map([
    [REQUEST_FORM, form(config, 'mentee')],
    [MENTOR_FORM, form(config, 'mentor')],
  ]);
}
