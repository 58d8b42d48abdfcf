import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { YamlEditor } from '../../src/render/yaml-edit.js';
import { updateLogText } from '../../src/render/log-yaml.js';

const LOG = `# yaml-language-server: $schema=../../../../schemas/log.schema.json
person: bob        # me
week: 2026-W47
hours:             # per activity
  practice: 4      # mostly katas
  code-review: 1
pullRequests: [https://github.com/b/a/pull/1]
done: "Things: many"

next: More.
`;

describe('surgical YAML edits', () => {
  it('replace a value and keep the alignment and comment after it', () => {
    const editor = new YamlEditor(LOG);
    editor.set(['hours'], 'practice', 5.5);
    expect(editor.toString()).toBe(LOG.replace('practice: 4      # mostly katas', 'practice: 5.5      # mostly katas'));
  });

  it('insert a key after an anchor at its indentation, and delete a line', () => {
    const editor = new YamlEditor(LOG);
    editor.set([], 'blockers', 'none: really', ['done']);
    editor.delete(['hours'], 'code-review');
    const out = editor.toString();
    expect(out).toContain('done: "Things: many"\nblockers: "none: really"\n\nnext: More.');
    expect(out).not.toContain('code-review');
    expect(parse(out).blockers).toBe('none: really');
  });

  it('edit a flow mapping in place', () => {
    const text = 'members:\n  - { person: a, role: mentee }  # keep\n';
    const editor = new YamlEditor(text);
    editor.set(['members', 0], 'mentor', 'm', ['role']);
    expect(editor.toString()).toBe('members:\n  - { person: a, role: mentee, mentor: m }  # keep\n');
  });

  it('quote any string that needs it, so it round-trips', () => {
    for (const value of ['a: b', '#not a comment', "it's", 'line\nbreak', '- dash', '@at', 'yes', '', '  padded ', '\u001b[31m']) {
      const editor = new YamlEditor('done: x\n');
      editor.set([], 'done', value);
      expect(parse(editor.toString()).done).toBe(value);
    }
  });

  it('update a log keeping everything it does not change', () => {
    const out = updateLogText(LOG, { person: 'bob', week: '2026-W47', hours: { practice: 4, 'code-review': 2 }, pullRequests: ['https://github.com/b/a/pull/1'], done: 'Things: many', next: 'More.' }, 'cohorts/c/logs/bob/2026-W47.yaml');
    expect(out).toBe(LOG.replace('code-review: 1', 'code-review: 2'));
  });

  it('place thousands of members in one file, each edit where it belongs, every other byte kept', () => {
    const count = 3000;
    const note = '# waiting';
    const entries = Array.from({ length: count }, (_, i) => `${i % 3 === 0 ? `  ${note}\n` : ''}  - person: p${i}   # row ${i}\n    role: mentee\n`);
    const text = `# cohort\nmembers:\n${entries.join('')}${note}\n`;
    for (const eol of ['\n', '\r\n']) {
      const source = text.replace(/\n/g, eol);
      const editor = new YamlEditor(source);
      for (let i = 0; i < count; i++) {
        editor.set(['members', i], 'mentor', `m${i % 7}`, ['role']);
        editor.deleteCommentLine(note, ['members', i]);
      }
      const out = editor.toString();
      // Each member's own note goes; the one after the list, no member's, stays.
      const expected = `# cohort\nmembers:\n${entries.map((entry, i) => `${entry.replace(`  ${note}\n`, '')}    mentor: m${i % 7}\n`).join('')}${note}\n`.replace(/\n/g, eol);
      expect(out).toBe(expected);
    }
  });

  it('delete only the note of the member placed, not the first in the file', () => {
    const text = 'members:\n  # waiting\n  - person: a\n    role: mentee\n\n  # waiting\n  - person: b\n    role: mentee\n';
    const editor = new YamlEditor(text);
    editor.deleteCommentLine('# waiting', ['members', 1]);
    expect(editor.toString()).toBe('members:\n  # waiting\n  - person: a\n    role: mentee\n\n  - person: b\n    role: mentee\n');
    const first = new YamlEditor(text);
    first.deleteCommentLine('# waiting', ['members', 0]);
    expect(first.toString()).toBe('members:\n  - person: a\n    role: mentee\n\n  # waiting\n  - person: b\n    role: mentee\n');
  });

  it('delete a comment line only where it is a whole line, once', () => {
    const text = 'a: 1  # note\n# note\nb: 2\n# note\n';
    const editor = new YamlEditor(text);
    editor.deleteCommentLine('# note');
    editor.deleteCommentLine('# note');
    expect(editor.toString()).toBe('a: 1  # note\nb: 2\n# note\n');
  });
});
