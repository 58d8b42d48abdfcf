import { mkdtempSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mentorIn, mentorInJson } from './helpers/in-process.js';
import { exampleRepo, makeTree, mentor, mentorJson, minimal, SMALL_COHORT_HEAD, SMALL_TREE, smallProgram } from './helpers/repo.js';

// Gaps an outside reader of DESIGN.md finds (contract audit 8): each test is a sentence of
// DESIGN.md run through the CLI: in-process where it checks what a command does, real runs for
// exit codes and what a process prints.

const NOW = { MENTOR_NOW: '2026-10-07T09:00:00Z' };

describe('a config that leaves out every part', () => {
  it.each([
    ['an empty config', ''],
    ['a config of comments only', '# nothing set yet: the defaults hold\n'],
  ])('%s gets the defaults: valid, lead 5 + X, mentor 4 + X, mentee 5.5', async (_name, config) => {
    const repo = smallProgram({ 'mentor.config.yaml': config });
    const validate = await mentorIn(['validate', '--repo', repo], { env: NOW });
    expect(validate.stderr).toBe('');
    expect(validate.code).toBe(0);
    const { code, json } = await mentorInJson(['hours', 'c1', '--repo', repo, '--format', 'json'], { env: NOW });
    expect(code).toBe(0);
    expect(Object.fromEntries(json.people.map((row: { id: string; plannedTotal: number }) => [row.id, row.plannedTotal]))).toEqual({ lee: 6, max: 5, ann: 5.5 });
  });
});

describe('mentor log --hours', () => {
  it('takes the pairs as a comma list too, and refuses a decimal comma', async () => {
    const repo = smallProgram();
    const written = await mentorIn(['log', '--repo', repo, '--person', 'ann', '--week', '2026-W41', '--hours', 'practice=3,code-review=1.5', '--format', 'json'], { env: NOW });
    expect(written.code).toBe(0);
    expect(JSON.parse(written.stdout).hours).toEqual({ practice: 3, 'code-review': 1.5 });
    const decimalComma = mentor(['log', '--repo', repo, '--person', 'ann', '--week', '2026-W39', '--hours', 'practice=1,5'], { env: NOW });
    expect(decimalComma.code).toBe(2);
    expect(decimalComma.stderr).toContain('--hours practice=1,5');
  });
});

describe('mentor assign over both tiers at once', () => {
  // DESIGN.md's hard rules (active, the tier above, room) leave the tiers independent: lee's last
  // place goes to the mentor who asked for lee (m4), and p4 to m5, who waits for a lead but has
  // room. Until session 15 a mentee went only to a mentor with a lead, and lee's place went to m5
  // (m5->lee, p4->m5) so that p4 could be placed at all.
  it('gives a lead\'s last place to the best match, and the waiting mentee to a mentor with room whether or not that mentor has a lead', async () => {
    // lee has one place left; m4 asked for lee but its budget leaves no room for a mentee, m5 can take p4.
    const member = (person: string, role: string, extra = '') => `  - { person: ${person}, role: ${role}${extra} }\n`;
    const repo = makeTree({
      'mentor.config.yaml': `${minimal.config}roles:\n  mentor:\n    maxMentees: 1\n`,
      ...Object.fromEntries(['lee', 'm1', 'm2', 'm3', 'm5', 'p1', 'p2', 'p3', 'p4'].map((id) => [`people/${id}.yaml`, minimal.person(id)])),
      'people/m4.yaml': minimal.person('m4', 'maxHoursPerWeek: 4\n'),
      'cohorts/c1/cohort.yaml': `id: c1\nname: C\nstart: 2026-09-07\nend: 2026-11-29\nmembers:\n${member('lee', 'lead')}${[1, 2, 3].map((i) => member(`m${i}`, 'mentor', ', mentor: lee') + member(`p${i}`, 'mentee', `, mentor: m${i}`)).join('')}${member('m4', 'mentor', ', prefers: lee')}${member('m5', 'mentor')}${member('p4', 'mentee')}`,
    });
    const { code, json } = await mentorInJson(['assign', 'c1', '--repo', repo, '--dry-run', '--format', 'json'], { env: NOW });
    expect(code).toBe(0);
    expect(json.assignments.map((a: { person: string; mentor: string }) => `${a.person}->${a.mentor}`)).toEqual(['m4->lee', 'p4->m5']);
    expect(json.unassigned.map((u: { person: string }) => u.person)).toEqual(['m5']);
  });
});

describe('--format json on the commands that write files', () => {
  it('init, schema, codeowners, site and upgrade each print one JSON object of what they wrote', async () => {
    const repo = path.join(mkdtempSync(path.join(makeTree({}), 'init-')), 'program');
    const init = mentorJson(['init', repo, '--format', 'json'], { env: NOW });
    expect(init.code).toBe(0);
    expect(init.json).toMatchObject({ dir: repo, kept: [], ok: true, problems: [], branch: null });
    expect(init.json.files).toEqual(init.json.created);
    expect(init.json.files).toContain('mentor.config.yaml');
    expect(init.json.commit).toMatch(/^[0-9a-f]{40}$/);
    const run = (args: string[]) => mentorInJson([...args, '--repo', repo, '--format', 'json'], { env: NOW });
    expect(await run(['schema'])).toMatchObject({ code: 0, json: { out: 'schemas', stale: [], ok: true, files: [] } });
    expect(await run(['codeowners', '--check'])).toMatchObject({ code: 0, json: { maintainers: [], stale: [], ok: true } });
    expect(await run(['site'])).toMatchObject({ code: 0, json: { out: '_site', skipped: [], ok: true, files: ['_site/index.html', expect.stringMatching(/^_site\/cohorts\/.+\.html$/)] } });
    expect(await run(['upgrade'])).toMatchObject({ code: 0, json: { from: expect.any(String), to: expect.any(String), ok: true, files: [], branch: null } });
  });

  it('forms and fix too: --check says what is stale with ok false and exit 1, the write lists what it wrote', async () => {
    const repo = exampleRepo({ 'people/zed.yaml': 'name: Zed\nid: zed\n' });
    const run = (args: string[]) => mentorInJson([...args, '--repo', repo, '--format', 'json'], { env: NOW });
    const forms = ['.github/ISSUE_TEMPLATE/request-a-mentor.yml', '.github/ISSUE_TEMPLATE/become-a-mentor.yml'];
    // One real run: the exit code and the JSON a --check prints from a process of its own.
    expect(mentorJson(['forms', '--check', '--repo', repo, '--format', 'json'], { env: NOW })).toMatchObject({ code: 1, json: { forms, stale: forms, ok: false, problems: [expect.stringContaining('mentor forms')], files: [] } });
    expect(await run(['forms'])).toMatchObject({ code: 0, json: { stale: forms, ok: true, files: forms } });
    expect(await run(['forms', '--check'])).toMatchObject({ code: 0, json: { stale: [], ok: true } });
    expect(await run(['fix', '--check'])).toMatchObject({ code: 1, json: { check: true, notCanonical: ['people/zed.yaml'], ok: false, problems: [expect.stringContaining('mentor fix')], files: [] } });
    expect(await run(['fix'])).toMatchObject({ code: 0, json: { check: false, notCanonical: ['people/zed.yaml'], ok: true, problems: [], files: ['people/zed.yaml'] } });
    expect(await run(['fix', '--check'])).toMatchObject({ code: 0, json: { notCanonical: [], ok: true } });
    expect(readFileSync(path.join(repo, 'people/zed.yaml'), 'utf8')).toMatch(/\nid: zed\nname: Zed\n$/);
  });
});

describe('a role given no activities', () => {
  it('says so when a log of that role names one, instead of an empty list to choose from', async () => {
    const repo = smallProgram({ 'mentor.config.yaml': `${minimal.config}roles:\n  mentee:\n    activities: {}\n` });
    const { code, json } = await mentorInJson(['validate', '--repo', repo, '--format', 'json'], { env: NOW });
    expect(code).toBe(1);
    const problem = json.problems.find((p: { rule: string }) => p.rule === 'log-unknown-activity');
    expect(problem).toMatchObject({ file: 'cohorts/c1/logs/ann/2026-W40.yaml', line: 4, column: 3 });
    expect(problem.fix).toBe('The mentee role has no activities in mentor.config.yaml (roles.mentee.activities): add this one there, or remove it from the log.');
    const log = await mentorIn(['log', '--repo', repo, '--person', 'ann', '--week', '2026-W41', '--hours', 'practice=1'], { env: NOW });
    expect(log.stderr).toContain('The mentee role has no activities in the config (roles.mentee.activities).');
    expect(log.stderr).not.toContain('Use one of: .');
  });
});

describe('mentor status before a cohort starts', () => {
  it('shows the requests waiting in a cohort yet to start, as the attention issue does, and --fail-on overdue fails on them', async () => {
    const repo = smallProgram({
      'people/zoe.yaml': minimal.person('zoe'),
      'cohorts/c1/members/zoe.yaml': 'person: zoe\nrole: mentee\nrequestedAt: 2026-08-20T10:00:00Z\n',
    });
    const before = { MENTOR_NOW: '2026-09-01T09:00:00Z' };
    const text = await mentorIn(['status', '--repo', repo], { env: before });
    expect(text.stdout).toContain('zoe (mentee) has waited 11 d 23 h');
    const json = await mentorInJson(['status', '--repo', repo, '--format', 'json'], { env: before });
    expect(json.json.cohorts.map((c: { id: string; overdue: string[] }) => [c.id, c.overdue])).toEqual([['c1', ['zoe']]]);
    expect(mentor(['status', '--repo', repo, '--fail-on', 'overdue'], { env: before }).code).toBe(1);
    expect((await mentorIn(['status', '--repo', repo, '--format', 'markdown'], { env: before })).stdout).toContain('zoe (mentee)');

  });
});

describe('a member whose own entry has an error', () => {
  it.each([
    ['in cohort.yaml', { 'cohorts/c1/cohort.yaml': `${SMALL_COHORT_HEAD}members:\n${SMALL_TREE.replace('    role: mentee\n', '    role: boss\n')}` }, 'cohorts/c1/cohort.yaml'],
    ['as a member file', { 'cohorts/c1/cohort.yaml': `${SMALL_COHORT_HEAD}members:\n${SMALL_TREE.replace(/  - person: ann[\s\S]*$/, '')}`, 'cohorts/c1/members/ann.yaml': 'person: ann\nrole: mentee\nmentor: max\nwants: 5\n' }, 'cohorts/c1/members/ann.yaml'],
  ])('%s is reported there, and its logs are not said to be of someone who is no member', async (_where, files, file) => {
    const { code, json } = await mentorInJson(['validate', '--repo', smallProgram(files), '--format', 'json'], { env: NOW });
    expect(code).toBe(1);
    expect(json.problems.map((p: { file: string }) => p.file)).toEqual([file]);
  });
});
