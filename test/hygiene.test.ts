import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mentorIn, mentorInJson } from './helpers/in-process.js';
import { RULE_IDS } from '../src/model/rule-catalog.js';
import { EXAMPLE, exampleRepo, mentor, smallProgram } from './helpers/repo.js';

describe('mentor fix', () => {
  const messy = `id: zoe    \nskills: [sql, css, sql]   # what she knows\nname: Zoe\n# keep this comment\nlanguages: [fr, en]\ngithub: zoe-z`;

  it('puts records in canonical form, keeps every comment, and is idempotent', async () => {
    const repo = exampleRepo({ 'people/zoe.yaml': messy });
    const check = mentor(['fix', '--repo', repo, '--check']);
    expect(check.code).toBe(1);
    expect(check.stdout).toContain('people/zoe.yaml');
    expect(readFileSync(path.join(repo, 'people/zoe.yaml'), 'utf8')).toBe(messy);
    expect((await mentorIn(['fix', '--repo', repo])).code).toBe(0);
    const fixed = readFileSync(path.join(repo, 'people/zoe.yaml'), 'utf8');
    expect(fixed.split('\n')[0]).toBe('# yaml-language-server: $schema=../schemas/person.schema.json');
    expect(fixed).toContain('# what she knows');
    expect(fixed).toContain('# keep this comment');
    expect(fixed).toContain('skills: [css, sql]');
    expect(fixed).toContain('languages: [en, fr]');
    expect(fixed.indexOf('id: zoe')).toBeLessThan(fixed.indexOf('name: Zoe'));
    expect(fixed.indexOf('name: Zoe')).toBeLessThan(fixed.indexOf('github: zoe-z'));
    expect(fixed.endsWith('\n') && !fixed.endsWith('\n\n')).toBe(true);
    expect(fixed).not.toMatch(/[ \t]$/m);
    // A second run changes nothing, and the record still validates.
    const again = await mentorIn(['fix', '--repo', repo]);
    expect(again.stdout).toContain('records are in canonical form');
    expect(readFileSync(path.join(repo, 'people/zoe.yaml'), 'utf8')).toBe(fixed);
    expect((await mentorIn(['fix', '--repo', repo, '--check'])).code).toBe(0);
    expect((await mentorInJson(['validate', '--repo', repo, '--format', 'json'])).json.problems).toEqual([]);
  });

  it('keeps the schema line on top when the key under it moves, and the comment under it with its key', async () => {
    const line = '# yaml-language-server: $schema=../schemas/person.schema.json';
    const repo = exampleRepo({
      'people/zoe.yaml': `${line}\nname: Zoe\nid: zoe\n`,
      'people/zed.yaml': `${line}\n# joined in May\nname: Zed\nid: zed\n`,
      'people/zia.yaml': `${line}\nname: Zia\n\nid: zia\n`,
      'people/zak.yaml': `# Zak, from the spring fair\n${line}\nname: Zak\nid: zak\n`,
    });
    expect((await mentorIn(['fix', '--repo', repo])).code).toBe(0);
    expect(readFileSync(path.join(repo, 'people/zoe.yaml'), 'utf8')).toBe(`${line}\nid: zoe\nname: Zoe\n`);
    expect(readFileSync(path.join(repo, 'people/zed.yaml'), 'utf8')).toBe(`${line}\nid: zed\n# joined in May\nname: Zed\n`);
    expect(readFileSync(path.join(repo, 'people/zia.yaml'), 'utf8')).toBe(`${line}\nid: zia\nname: Zia\n`);
    expect(readFileSync(path.join(repo, 'people/zak.yaml'), 'utf8')).toBe(`${line}\nid: zak\n# Zak, from the spring fair\nname: Zak\n`);
    expect((await mentorIn(['fix', '--repo', repo, '--check'])).code).toBe(0);
  });

  it('names the first 50 records it would fix or fixed, then how many more', async () => {
    const repo = smallProgram({});
    await mentorIn(['fix', '--repo', repo]);
    for (let i = 0; i < 55; i++) writeFileSync(path.join(repo, `people/p${String(i).padStart(2, '0')}.yaml`), `name: P ${i}   \nid: p${String(i).padStart(2, '0')}\n`);
    const check = await mentorIn(['fix', '--repo', repo, '--check']);
    expect(check.code).toBe(1);
    expect(check.stdout).toContain('55 records are not in canonical form');
    expect(check.stdout).toContain('  people/p49.yaml\n  … and 5 more (`mentor fix` rewrites them all)');
    expect(check.stdout).not.toContain('people/p50.yaml');
    const fixed = await mentorIn(['fix', '--repo', repo]);
    expect(fixed.stdout).toContain('Fixed 55 records:');
    expect(fixed.stdout).toContain('  people/p49.yaml\n  … and 5 more\n');
    expect(readFileSync(path.join(repo, 'people/p54.yaml'), 'utf8')).toContain('id: p54\nname: P 54\n');
    expect((await mentorIn(['fix', '--repo', repo, '--check'])).code).toBe(0);
  });

  it('sorts members by tier then id (and can be told not to), carrying their comments', async () => {
    const cohort = 'id: c1\nname: C\nstart: 2026-09-07\nmembers:\n  - person: ann # the mentee\n    mentor: max\n    role: mentee\n  - person: max\n    role: mentor\n    mentor: lee\n  - person: lee\n    role: lead\n';
    const repo = smallProgram({ 'cohorts/c1/cohort.yaml': cohort, 'cohorts/c1/logs/ann/2026-W40.yaml': null });
    await mentorIn(['fix', '--repo', repo]);
    const fixed = readFileSync(path.join(repo, 'cohorts/c1/cohort.yaml'), 'utf8');
    expect(fixed.indexOf('person: lee')).toBeLessThan(fixed.indexOf('person: max'));
    expect(fixed.indexOf('person: max')).toBeLessThan(fixed.indexOf('person: ann'));
    expect(fixed).toContain('  - person: ann # the mentee\n    role: mentee\n    mentor: max');
    const unsorted = smallProgram({ 'mentor.config.yaml': 'program: P\nfix:\n  sortMembers: false\n', 'cohorts/c1/cohort.yaml': cohort, 'cohorts/c1/logs/ann/2026-W40.yaml': null });
    await mentorIn(['fix', '--repo', unsorted]);
    const kept = readFileSync(path.join(unsorted, 'cohorts/c1/cohort.yaml'), 'utf8');
    expect(kept.indexOf('person: ann')).toBeLessThan(kept.indexOf('person: lee'));
  });

  it('leaves a canonical file exactly as written (alignment and all), and the example is canonical', async () => {
    expect((await mentorIn(['fix', '--repo', EXAMPLE, '--check'])).code).toBe(0);
    const repo = exampleRepo();
    const before = readFileSync(path.join(repo, 'mentor.config.yaml'), 'utf8');
    await mentorIn(['fix', '--repo', repo]);
    expect(readFileSync(path.join(repo, 'mentor.config.yaml'), 'utf8')).toBe(before);
  });

  it('writes an alias out as its value where the new order would put it before its anchor', async () => {
    const cohort = 'id: c1\nname: C\nstart: 2026-09-07\nmembers:\n  - person: ann\n    role: mentee\n    mentor: max\n    wants: &w [css, sql]\n  - person: max\n    role: mentor\n    mentor: lee\n  - person: lee\n    role: lead\n    wants: *w\n';
    const person = 'id: zoe\nname: Zoe\nlanguages: &l [en]\nskills: *l\n';
    const repo = smallProgram({ 'cohorts/c1/cohort.yaml': cohort, 'cohorts/c1/logs/ann/2026-W40.yaml': null, 'people/zoe.yaml': person });
    const before = await mentorInJson(['validate', '--repo', repo, '--format', 'json']);
    const check = await mentorIn(['fix', '--repo', repo, '--check']);
    expect(check.code, check.stderr).toBe(1);
    expect(check.stderr).toBe('');
    const fixed = await mentorIn(['fix', '--repo', repo]);
    expect(fixed.code, fixed.stderr).toBe(0);
    const text = readFileSync(path.join(repo, 'cohorts/c1/cohort.yaml'), 'utf8');
    expect(text.indexOf('person: lee')).toBeLessThan(text.indexOf('person: ann'));
    expect(text).toContain('  - person: lee\n    role: lead\n    wants: [css, sql]');
    expect(readFileSync(path.join(repo, 'people/zoe.yaml'), 'utf8')).toContain('skills: [en]');
    // The records mean what they meant, and a second run finds them canonical.
    expect((await mentorInJson(['validate', '--repo', repo, '--format', 'json'])).json).toEqual(before.json);
    expect((await mentorIn(['fix', '--repo', repo, '--check'])).code).toBe(0);
  });

  it('skips files with invalid YAML and says so', async () => {
    const repo = exampleRepo({ 'people/bad.yaml': 'id: [\n' });
    const result = await mentorIn(['fix', '--repo', repo]);
    expect(result.stdout).toContain('Skipped 1 with invalid YAML');
    expect(readFileSync(path.join(repo, 'people/bad.yaml'), 'utf8')).toBe('id: [\n');
  });

  it('skips a file that is not UTF-8 and says so, never that every record is canonical', async () => {
    const repo = exampleRepo();
    const latin1 = Buffer.from('id: ada\nname: Ada L\xf6velace\ngithub: ada-l\ntimezone: Europe/London\n', 'latin1');
    writeFileSync(path.join(repo, 'people/ada.yaml'), latin1);
    const total = (await mentorIn(['fix', '--repo', EXAMPLE, '--check'])).stdout.match(/(\d+) records are in canonical form/)![1]!;
    const check = await mentorIn(['fix', '--repo', repo, '--check']);
    expect(check.stdout).toContain(`${Number(total) - 1} records are in canonical form`);
    expect(check.stdout).toContain('Skipped 1 that cannot be read (see `mentor validate`): people/ada.yaml');
    expect(readFileSync(path.join(repo, 'people/ada.yaml'))).toEqual(latin1);
  });
});

describe('root causes first', () => {
  it('shows a missing person once, with the problems it explains under it', async () => {
    const repo = exampleRepo({ 'people/ada.yaml': null });
    writeFileSync(path.join(repo, 'cohorts/2026-fall/cohort.yaml'), readFileSync(path.join(repo, 'cohorts/2026-fall/cohort.yaml'), 'utf8').replace('  - person: ada\n    role: mentor\n    mentor: andrew\n', ''));
    const { json } = await mentorInJson(['validate', '--repo', repo, '--format', 'json']);
    const root = json.problems.find((p: { rule: string }) => p.rule === 'missing-person');
    expect(root).toMatchObject({ file: 'people/ada.yaml', id: 'missing-person:ada', severity: 'error' });
    expect(root.message).toMatch(/come from it/);
    const explained = json.problems.filter((p: { cause?: string }) => p.cause === 'missing-person:ada');
    // cleo prefers ada (cohort), and ada's three logs name a person that does not exist.
    expect(explained.map((p: { file: string }) => p.file).sort()).toEqual([
      'cohorts/2026-fall/cohort.yaml',
      'cohorts/2026-fall/logs/ada/2026-W45.yaml',
      'cohorts/2026-fall/logs/ada/2026-W46.yaml',
      'cohorts/2026-fall/logs/ada/2026-W47.yaml',
    ]);
    const text = await mentorIn(['validate', '--repo', repo]);
    expect(text.stdout).toMatch(/^root cause {2}people\/ada\.yaml {2}There is no people\/ada\.yaml: 4 problems in 4 files come from it\./m);
    expect(text.stdout).toContain('    ↳ cohorts/2026-fall/logs/ada/2026-W45.yaml:2:9');
    expect(text.stdout.match(/There is no person "ada"/g)).toHaveLength(4);
  });
});

describe('validate --format sarif', () => {
  it('is SARIF 2.1.0 with one rule per rule id and a result per problem', () => {
    const repo = exampleRepo({ 'people/ada.yaml': 'id: ada\nname: Ada\ntimezone: Mars/Base\n' });
    const result = mentor(['validate', '--repo', repo, '--format', 'sarif']);
    expect(result.code).toBe(1);
    const sarif = JSON.parse(result.stdout);
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.$schema).toContain('sarif');
    const run = sarif.runs[0];
    expect(run.tool.driver.name).toBe('mentor');
    const ruleIds = run.tool.driver.rules.map((rule: { id: string }) => rule.id);
    expect(new Set(ruleIds).size).toBe(ruleIds.length);
    for (const rule of run.tool.driver.rules) {
      expect(rule.shortDescription.text.length).toBeGreaterThan(0);
      expect(rule.help.text.length).toBeGreaterThan(0);
    }
    expect(run.results).toHaveLength(1);
    const [finding] = run.results;
    expect(finding).toMatchObject({ ruleId: 'invalid-value', level: 'error', ruleIndex: ruleIds.indexOf('invalid-value') });
    expect(finding.message.text).toContain('timezone');
    expect(finding.locations[0].physicalLocation).toEqual({ artifactLocation: { uri: 'people/ada.yaml' }, region: { startLine: 3, startColumn: 11 } });
  });

  it('gives each location as a URI: a file name with a space or a % is percent-encoded, so a reader finds that file', async () => {
    // Before: "people/Ada Lovelace.yaml" went out as is (not a URI reference), and "people/a%41.yaml"
    // read back as people/aA.yaml.
    const repo = exampleRepo({ 'people/Ada Lovelace.yaml': 'id: ada-l\nname: Ada\n', 'people/a%41.yaml': 'id: a\nname: A\n' });
    const sarif = JSON.parse((await mentorIn(['validate', '--repo', repo, '--format', 'sarif'])).stdout);

    const uris = new Set(sarif.runs[0].results.map((result: any) => result.locations[0].physicalLocation.artifactLocation.uri));
    expect(uris).toContain('people/Ada%20Lovelace.yaml');
    expect(uris).toContain('people/a%2541.yaml');
  });

  it('every rule validate reports is in the catalog', () => {
    const reported = new Set<string>();
    const walk = (file: string): void => {
      if (statSync(file).isDirectory()) return readdirSync(file).forEach((name) => walk(path.join(file, name)));
      for (const match of readFileSync(file, 'utf8').matchAll(/rule: '([a-z0-9-]+)'|'(yaml-[a-z-]+|forbidden-key|merge-conflict|empty-file|not-a-mapping|unknown-field|missing-field|invalid-type|invalid-value|member-[a-z-]+|log-[a-z-]+|capacity-[a-z-]+|assigned-[a-z-]+|[a-z]+-[a-z-]+-file|id-matches-file|github-duplicate|lead-has-mentor|mentor-tier|prefers-not-eligible|cohort-dates|missing-person)'/g)) {
        reported.add((match[1] ?? match[2])!);
      }
    };
    walk(path.resolve(import.meta.dirname, '../src/model'));
    walk(path.resolve(import.meta.dirname, '../src/io/repo.ts'));
    for (const id of reported) expect(RULE_IDS.has(id), id).toBe(true);
    expect(reported.size).toBeGreaterThan(30);
  });
});

describe('root causes first: a mentor several members name', () => {
  it('is shown once, in the cohort, with the members it explains', async () => {
    const repo = exampleRepo();
    const file = path.join(repo, 'cohorts/2026-fall/cohort.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('  - person: grace\n    role: mentor\n    mentor: andrew\n', ''));
    const { json } = await mentorInJson(['validate', '--repo', repo, '--format', 'json']);
    const root = json.problems.find((p: { rule: string }) => p.rule === 'mentor-not-member');
    expect(root).toMatchObject({ file: 'cohorts/2026-fall/cohort.yaml', id: 'not-member:2026-fall:grace', severity: 'error' });
    expect(root.message).toBe('grace is the mentor of 3 members of cohort 2026-fall, but is not a member of it.');
    expect(json.problems.filter((p: { cause?: string }) => p.cause === 'not-member:2026-fall:grace')).toHaveLength(3);
    // One stray reference is shown as itself, without a root.
    const single = exampleRepo();
    const singleFile = path.join(single, 'cohorts/2026-fall/cohort.yaml');
    writeFileSync(singleFile, readFileSync(singleFile, 'utf8').replace('    mentor: linus\n', '    mentor: linnus\n'));
    const one = (await mentorInJson(['validate', '--repo', single, '--format', 'json'])).json;
    expect(one.problems.map((p: { rule: string }) => p.rule)).toEqual(['member-unknown-mentor']);
  });
});
