import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mentorIn } from './helpers/in-process.js';
import { parse } from 'yaml';
import { exampleRepo, makeTree, mentor, readText } from './helpers/repo.js';

const NOW = { MENTOR_NOW: '2026-11-23T10:00:00-08:00' };
const INTAKE = '\nintake:\n  eligibility:\n    - id: commitment\n      question: I can give 5.5 hours a week for the whole cycle\n';

/** What GitHub renders for a filled form: each field a `### label` section, checkboxes as - [X]. */
function bodyFor(form: any, answers: Record<string, string>): string {
  return form.body
    .filter((item: any) => item.type !== 'markdown')
    .map((item: any) =>
      item.type === 'checkboxes'
        ? `### ${item.attributes.label}\n\n${item.attributes.options.map((o: any) => `- [X] ${o.label}`).join('\n')}`
        : `### ${item.attributes.label}\n\n${answers[item.id] ?? '_No response_'}`,
    )
    .join('\n\n');
}

describe('mentor forms', () => {
  it('writes the request form from intake, each eligibility question a required checkbox, and --check keeps it in sync', async () => {
    const repo = exampleRepo();
    writeFileSync(path.join(repo, 'mentor.config.yaml'), readText(repo, 'mentor.config.yaml') + INTAKE);
    expect(mentor(['forms', '--repo', repo, '--check']).code).toBe(1);
    expect((await mentorIn(['forms', '--repo', repo])).code).toBe(0);
    expect((await mentorIn(['forms', '--repo', repo, '--check'])).code).toBe(0);
    const form = parse(readText(repo, '.github/ISSUE_TEMPLATE/request-a-mentor.yml'));
    expect(form.labels).toEqual(['mentor-request']);
    const boxes = form.body.find((item: any) => item.type === 'checkboxes');
    expect(boxes.attributes.options).toEqual([{ label: 'I can give 5.5 hours a week for the whole cycle', required: true }]);
    expect(parse(readText(repo, '.github/ISSUE_TEMPLATE/become-a-mentor.yml')).labels).toEqual(['mentor-offer']);
    writeFileSync(path.join(repo, 'mentor.config.yaml'), readText(repo, 'mentor.config.yaml').replace('for the whole cycle', 'for twelve weeks'));
    expect((await mentorIn(['forms', '--repo', repo, '--check'])).stdout).toContain('request-a-mentor.yml');
  });

  it('reads back what its own forms produce: a request and an offer to mentor', async () => {
    const repo = exampleRepo();
    writeFileSync(path.join(repo, 'mentor.config.yaml'), readText(repo, 'mentor.config.yaml') + INTAKE);
    await mentorIn(['forms', '--repo', repo]);
    const request = bodyFor(parse(readText(repo, '.github/ISSUE_TEMPLATE/request-a-mentor.yml')), { person: 'zoe', name: 'Zoe', timezone: 'Europe/Paris', wants: 'react', prefers: 'ada' });
    const file = path.join(makeTree({ 'body.md': request }), 'body.md');
    const asked = await mentorIn(['request', '--repo', repo, '--from-issue', file, '--github', 'zoe-z'], { env: NOW });
    expect(asked.code, asked.stderr).toBe(0);
    expect(parse(readText(repo, 'cohorts/2026-fall/members/zoe.yaml'))).toMatchObject({ prefers: 'ada', wants: ['react'] });
    const offer = bodyFor(parse(readText(repo, '.github/ISSUE_TEMPLATE/become-a-mentor.yml')), { person: 'max', name: 'Max', timezone: 'UTC', skills: 'go', maxHours: '6' });
    const offerFile = path.join(makeTree({ 'body.md': offer }), 'body.md');
    const offered = await mentorIn(['request', '--repo', repo, '--from-issue', offerFile, '--github', 'max-m', '--role', 'mentor'], { env: NOW });
    expect(offered.code, offered.stderr).toBe(0);
    expect(parse(readText(repo, 'people/max.yaml'))).toMatchObject({ skills: ['go'], maxHoursPerWeek: 6, active: true });
  });

  it('takes a ticked question the config wrote over several lines (a folded block), asking it on one line everywhere', async () => {
    // Before: the form's label kept the block's newline, the body line never equalled it, and
    // every requester who ticked the box was told they had not confirmed it.
    const repo = exampleRepo();
    const folded = '\nintake:\n  eligibility:\n    - id: commitment\n      question: >\n        I can give 5.5 hours   a week\n        for the whole cycle\n    - id: laptop\n      question: |\n        I have a computer\n        I can code on\n';
    writeFileSync(path.join(repo, 'mentor.config.yaml'), readText(repo, 'mentor.config.yaml') + folded);
    expect((await mentorIn(['forms', '--repo', repo])).code).toBe(0);
    const form = parse(readText(repo, '.github/ISSUE_TEMPLATE/request-a-mentor.yml'));
    const boxes = form.body.find((item: any) => item.type === 'checkboxes');
    expect(boxes.attributes.options.map((o: any) => o.label)).toEqual(['I can give 5.5 hours a week for the whole cycle', 'I have a computer I can code on']);
    const request = bodyFor(form, { person: 'zoe', name: 'Zoe', timezone: 'Europe/Paris' });
    const file = path.join(makeTree({ 'body.md': request }), 'body.md');
    const asked = await mentorIn(['request', '--repo', repo, '--from-issue', file, '--github', 'zoe-z'], { env: NOW });
    expect(asked.code, asked.stderr).toBe(0);
    const refused
 = mentor(['request', '--repo', repo, '--from-issue', path.join(makeTree({ 'body.md': request.replace('- [X] I have', '- [ ] I have') }), 'body.md'), '--github', 'yan-y'], { env: NOW });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('confirm "I have a computer I can code on" (laptop)');
  });

  it('writes the program\'s name into the forms\' Markdown as text: no HTML, emphasis or mention of it renders', async () => {
    // Before: "Ask <Rust> & **Go** @org/team for a mentor." rendered a tag, bold and a team mention.
    const repo = exampleRepo();
    writeFileSync(path.join(repo, 'mentor.config.yaml'), readText(repo, 'mentor.config.yaml').replace('program: Learn Teach Code mentorship', "program: '<Rust> & **Go** @org/team'"));
    expect((await mentorIn(['forms', '--repo', repo])).code).toBe(0);
    for (const file of ['request-a-mentor.yml', 'become-a-mentor.yml']) {
      const intro = parse(readText(repo, `.github/ISSUE_TEMPLATE/${file}`)).body[0].attributes.value;
      expect(intro).toContain('&lt;Rust&gt; &amp; \\*\\*Go\\*\\* @\u200dorg/team');
    }
    expect((await mentorIn(['forms', '--repo', repo, '--check'])).code).toBe(0);
  });

  it('writes an eligibility question into its checkbox as text, and takes it ticked from the form as from a form made before', async () => {
    // Before: the label was the question raw, and GitHub copies a ticked label into every request's
    // body: each request mentioned @org/team and rendered the <b>.
    const repo = exampleRepo();
    const question = 'I follow the code of conduct of @org/team (see <b>CONDUCT</b> & *rules*)';
    writeFileSync(path.join(repo, 'mentor.config.yaml'), `${readText(repo, 'mentor.config.yaml')}\nintake:\n  eligibility:\n    - id: coc\n      question: '${question}'\n`);
    expect((await mentorIn(['forms', '--repo', repo])).code).toBe(0);
    const form = parse(readText(repo, '.github/ISSUE_TEMPLATE/request-a-mentor.yml'));
    const label = form.body.find((item: any) => item.type === 'checkboxes').attributes.options[0].label;
    expect(label).toBe('I follow the code of conduct of @\u200dorg/team \\(see &lt;b&gt;CONDUCT&lt;/b&gt; &amp; \\*rules\\*\\)');
    const request = bodyFor(form, { person: 'zoe', name: 'Zoe', timezone: 'Europe/Paris' });
    const asked = await mentorIn(['request', '--repo', repo, '--from-issue', path.join(makeTree({ 'body.md': request }), 'body.md'), '--github', 'zoe-z'], { env: NOW });
    expect(asked.code, asked.stderr).toBe(0);
    // An issue opened from the form as it was written before: the raw question ticked.
    const before = request.replace(label, question).replace('Zoe', 'Yan');
    expect(before).toContain(`- [X] ${question}`);
    const older = await mentorIn(['request', '--repo', repo, '--from-issue', path.join(makeTree({ 'body.md': before.replace('zoe', 'yan') }), 'body.md'), '--github', 'yan-y'], { env: NOW });
    expect(older.code, older.stderr).toBe(0);
    const unticked = await mentorIn(['request', '--repo', repo, '--from-issue', path.join(makeTree({ 'body.md': request.replace('zoe', 'xi').replace('- [X]', '- [ ]') }), 'body.md'), '--github', 'xi-x'], { env: NOW });
    expect(unticked.code).toBe(1);
  });

  it('--check says which forms are missing and which are out of date, and what writes them', async () => {
    const repo = exampleRepo();
    const missing = await mentorIn(['forms', '--check', '--repo', repo]);
    expect(missing.code).toBe(1);
    expect(missing.stdout).toBe('Missing: .github/ISSUE_TEMPLATE/request-a-mentor.yml, .github/ISSUE_TEMPLATE/become-a-mentor.yml.\nRun `mentor forms` to write them from mentor.config.yaml, and commit the result.\n');
    expect((await mentorIn(['forms', '--repo', repo])).code).toBe(0);
    writeFileSync(path.join(repo, '.github/ISSUE_TEMPLATE/become-a-mentor.yml'), `${readText(repo, '.github/ISSUE_TEMPLATE/become-a-mentor.yml')}# edited\n`);
    const older = await mentorIn(['forms', '--check', '--repo', repo]);
    expect(older.code).toBe(1);
    expect(older.stdout).toBe('Out of date with mentor.config.yaml: .github/ISSUE_TEMPLATE/become-a-mentor.yml.\nRun `mentor forms` to write it from mentor.config.yaml, and commit the result.\n');
  });
});
