import { describe, expect, it } from 'vitest';
import { answersFromIssue, issueSections } from '../../src/core/issue-form.js';
import { configSchema } from '../../src/model/schemas.js';

// The body GitHub renders for a filled issue form, read back in-process: each case is a body as
// GitHub writes it (or as a requester edits it).

const config = configSchema.parse({ intake: { eligibility: [{ id: 'commitment', question: 'I can give 5.5 hours a week' }] } });
const body = (parts: Record<string, string>) => Object.entries(parts).map(([label, value]) => `### ${label}\n\n${value}`).join('\n\n');
const full = { 'Your id': 'zoe', 'Your name': 'Zoe', 'Your time zone': 'UTC', 'What you want to learn': 'react, node', 'Before you ask': '- [X] I can give 5.5 hours a week' };

describe('reading an issue form body', () => {
  it('reads each answer, and _No response_ as no answer', () => {
    const read = answersFromIssue(body({ ...full, 'A mentor you would like': '_No response_' }), 'mentee', config);
    expect(read).toEqual({ values: { person: 'zoe', name: 'Zoe', timezone: 'UTC', wants: 'react, node' }, ticked: ['commitment'], problems: [] });
  });

  it('reads CRLF line endings and a lower-case x as GitHub and editors write them', () => {
    const read = answersFromIssue(body({ ...full, 'Before you ask': '- [x] I can give 5.5 hours a week' }).replace(/\n/g, '\r\n'), 'mentee', config);
    expect(read.values.person).toBe('zoe');
    expect(read.ticked).toEqual(['commitment']);
  });

  it('does not count an unticked box, or a box whose text was edited', () => {
    expect(answersFromIssue(body({ ...full, 'Before you ask': '- [ ] I can give 5.5 hours a week' }), 'mentee', config).ticked).toEqual([]);
    expect(answersFromIssue(body({ ...full, 'Before you ask': '- [X] I can give 1 hour a week' }), 'mentee', config).ticked).toEqual([]);
  });

  it('refuses a doubled section, a missing required one and a multi-line answer, rather than guessing', () => {
    const doubled = `${body(full)}\n\n### Your id\n\nada`;
    expect(answersFromIssue(doubled, 'mentee', config).problems).toEqual(['The section "Your id" appears more than once: edit the issue so that it has one.']);
    const { 'Your name': _, ...noName } = full;
    expect(answersFromIssue(body(noName), 'mentee', config).problems[0]).toContain('"Your name" is missing');
    expect(answersFromIssue(body({ ...full, 'Your id': 'zoe\nada' }), 'mentee', config).problems).toEqual(['"Your id" must be one line.']);
  });

  it('keeps hostile text as text: a heading needs its own line, and nothing is evaluated', () => {
    const { sections } = issueSections('### Your id\n\nzoe ### Your name\n\n$(rm -rf /) `id` <script>');
    expect([...sections.keys()]).toEqual(['Your id']);
    expect(sections.get('Your id')).toBe('zoe ### Your name\n\n$(rm -rf /) `id` <script>');
  });
});
