import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalText, reorderedText } from '../../src/core/canonical.js';
import { needsNoReordering } from '../../src/core/canonical-quick.js';
import type { RecordKind } from '../../src/model/schemas.js';

// `mentor fix` vouches for a record without the full parser only when it is certainly canonical:
// wherever the quick check says so, the full canonicalisation must give the record's own text.

const LOG = '# yaml-language-server: $schema=../../../../schemas/log.schema.json';
const PERSON = '# yaml-language-server: $schema=../schemas/person.schema.json';
const COHORT = '# yaml-language-server: $schema=../../schemas/cohort.schema.json';
const options = { sortMembers: true, schemaLine: PERSON };

const cases: [string, RecordKind, string, boolean][] = [
  ['a log as mentor writes it', 'log', `${LOG}\n\nperson: ann\nweek: 2026-W47\nhours:\n  practice: 3\npullRequests:\n  - https://github.com/a/b/pull/1\ndone: Things.\n`, true],
  ['a person with the schema line right above the first key', 'person', `${PERSON}\nid: ann\nname: Ann\nskills: [css, react]\n`, true],
  ['a person with CRLF line ends', 'person', `${PERSON}\r\n\r\nid: ann\r\nname: Ann\r\n`, true],
  ['a person with trailing spaces and blank lines at the end', 'person', `${PERSON}\n\nid: ann   \nname: Ann\n\n\n`, true],
  ['a person with a comment on a key', 'person', `${PERSON}\n\nid: ann\n# her full name\nname: Ann # as she writes it\n`, true],
  ['a cohort with sorted members', 'cohort', `${COHORT}\n\nid: c1\nname: One\nstart: 2026-09-07\nmembers:\n  - person: lee\n    role: lead\n  - person: max\n    role: mentor\n    mentor: lee\n  - person: ann\n    role: mentee\n    mentor: max\n    wants: [css, react]\n`, true],
  ['a cohort with members out of order', 'cohort', `${COHORT}\n\nid: c1\nname: One\nstart: 2026-09-07\nmembers:\n  - person: max\n    role: mentor\n  - person: lee\n    role: lead\n`, false],
  ['a member with keys out of order', 'cohort', `${COHORT}\n\nid: c1\nname: One\nstart: 2026-09-07\nmembers:\n  - role: lead\n    person: lee\n`, false],
  ['a member with unsorted wants', 'cohort', `${COHORT}\n\nid: c1\nname: One\nstart: 2026-09-07\nmembers:\n  - person: ann\n    role: mentee\n    wants: [react, css]\n`, false],
  ['a person with keys out of order', 'person', `${PERSON}\n\nname: Ann\nid: ann\n`, false],
  ['a person with unsorted skills', 'person', `${PERSON}\n\nid: ann\nskills: [react, css]\n`, false],
  ['a person with a skill twice', 'person', `${PERSON}\n\nid: ann\nskills: [css, css]\n`, false],
  ['a person with a number among the skills', 'person', `${PERSON}\n\nid: ann\nskills: [1, css]\n`, false],
  ['a person without the schema line', 'person', 'id: ann\nname: Ann\n', false],
  ['a person with the schema line below a header', 'person', `# Ann's record\n${PERSON}\nid: ann\n`, false],
  ['a person with a comment between the schema line and the first key', 'person', `${PERSON}\n# note\nid: ann\n`, false],
  ['a person with two blank lines under the schema line', 'person', `${PERSON}\n\n\nid: ann\n`, false],
  ['a person the fast reader leaves to the full parser (an anchor)', 'person', `${PERSON}\n\nid: &a ann\nname: *a\n`, false],
  ['a log with hours out of order', 'log', `${LOG}\n\nweek: 2026-W47\nperson: ann\n`, false],
  ['a log with unknown keys after the known ones', 'log', `${LOG}\n\nperson: ann\nweek: 2026-W47\nmood: good\n`, true],
  ['a log with an unknown key before a known one', 'log', `${LOG}\n\nmood: good\nperson: ann\n`, false],
];

describe('the quick canonical check of mentor fix', () => {
  it.each(cases)('judges %s', (_name, kind, text, canonical) => {
    expect(needsNoReordering(kind, text, true)).toBe(canonical);
    // Where it vouches, the full parser agrees; where it does not, the answer is the full parser's.
    if (canonical) expect(reorderedText(kind, text, options)).toBe(canonicalText(kind, text, options));
    expect(canonicalText(kind, text, options)).toBe(reorderedText(kind, text, options));
  });

  it('agrees with the full parser on every record of the bundled example and the test fixtures', () => {
    const kindOf = (file: string): RecordKind | undefined =>
      /\/logs\/[^/]+\/[^/]+\.yaml$/.test(file) ? 'log' : /\/members\/[^/]+\.yaml$/.test(file) ? 'member' : /\/cohort\.yaml$/.test(file) ? 'cohort' : /\/people\/[^/]+\.yaml$/.test(file) ? 'person' : /mentor\.config\.yaml$/.test(file) ? 'config' : undefined;
    const walk = (dir: string): string[] => readdirSync(dir).flatMap((name) => (statSync(path.join(dir, name)).isDirectory() ? walk(path.join(dir, name)) : [path.join(dir, name)]));
    let vouched = 0;
    for (const file of [...walk('examples'), ...walk('test/fixtures')]) {
      const kind = kindOf(file.split(path.sep).join('/'));
      if (kind === undefined) continue;
      const text = readFileSync(file, 'utf8');
      for (const sortMembers of [true, false]) {
        const both = { sortMembers, schemaLine: PERSON };
        expect(canonicalText(kind, text, both), file).toBe(reorderedText(kind, text, both));
        if (needsNoReordering(kind, text, sortMembers)) vouched++;
      }
    }
    // The example's records are canonical and written the way mentor writes them.
    expect(vouched).toBeGreaterThan(20);
  });

  it('agrees with the full parser on the hostile corpus, read as every kind of record, with the schema line on top or not', () => {
    const outcome = (run: () => string | undefined) => {
      try {
        return run();
      } catch (error) {
        return `threw ${String(error)}`;
      }
    };
    for (const name of readdirSync('test/corpus')) {
      const text = readFileSync(path.join('test/corpus', name), 'utf8');
      for (const kind of ['config', 'person', 'cohort', 'member', 'log'] as const) {
        // A big corpus file (40 KB of nesting: the full parser takes ~0.2 s a pass) as it is only.
        for (const variant of text.length > 10_000 ? [text] : [text, `${PERSON}\n${text}`, `${PERSON}\n\n${text}`]) {
          expect(outcome(() => canonicalText(kind, variant, options)), `${name} as ${kind}`).toBe(outcome(() => reorderedText(kind, variant, options)));
        }
      }
    }
  });
});
