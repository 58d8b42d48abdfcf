import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mentorIn } from './helpers/in-process.js';
import { exampleRepo, makeTree, mentor, readText } from './helpers/repo.js';

// The answer a requester gets on their issue (request --from-issue --format markdown) when the
// request cannot be taken. The requester has no --cohort, may not edit mentor.config.yaml, and
// editing the issue cannot make a cohort take requests: those problems are the organisers', told
// in the requester's words, with the maintainers mentioned once (red team T21).

const RUNNING = { MENTOR_NOW: '2026-11-23T10:00:00-08:00' };
const AFTER_THE_COHORT = { MENTOR_NOW: '2026-12-05T10:00:00-08:00' }; // 2026-fall ended on 2026-11-29

/** The body GitHub renders for the example's request form (no eligibility questions). */
const form = (zone = 'Europe/Paris') =>
  [['Your id', 'zoe'], ['Your name', 'Zoe'], ['Your time zone', zone], ['What you want to learn', 'react'], ['What you know already', '_No response_'], ['A mentor you would like', '_No response_'], ['Languages you speak', 'en']]
    .map(([label, value]) => `### ${label}\n\n${value}`)
    .join('\n\n');

async function answer(repo: string, env: NodeJS.ProcessEnv, body = form()) {
  const file = path.join(makeTree({ 'body.md': body }), 'body.md');
  const result = await mentorIn(['request', '--repo', repo, '--from-issue', file, '--github', 'zoe-z', '--role', 'mentee', '--format', 'markdown'], { env });
  expect(result.code).toBe(1);
  return result.stdout;
}

function withIntakeCohort(cohort: string): string {
  const repo = exampleRepo();
  writeFileSync(path.join(repo, 'mentor.config.yaml'), `${readText(repo, 'mentor.config.yaml')}\nintake:\n  cohort: ${cohort}\n`);
  return repo;
}

/** Mentions that notify: an @ not defused by a zero-width joiner or inside code. */
const mentions = (text: string) => [...text.matchAll(/(?<![\w\u200d`])@([A-Za-z0-9-]+)/g)].map((m) => m[1]);

/** The paragraph said to the organisers, whom the mention brings to the issue (the rest is the requester's). */
const forOrganisers = (text: string) => text.split('\n').find((line) => line.startsWith('For the organisers: ')) ?? '';
const forRequester = (text: string) => text.split('\n').filter((line) => !line.startsWith('For the organisers: ')).join('\n');

/** An answer about a problem only the organisers can fix: nothing asked of the requester, and the organisers told what to change. */
function expectOrganisersAnswer(text: string) {
  expect(text.split('\n')[0]).toBe('<!-- mentor:request -->');
  expect(text).toContain('No cohort is taking requests right now');
  expect(text).toContain('The organisers (@andrew-gh) have been told; you do not need to do anything about it: this issue stays open');
  expect(mentions(text)).toEqual(['andrew-gh']);
  expect(forRequester(text)).not.toMatch(/--cohort|mentor\.config\.yaml|intake\.cohort|Edit the issue/);
  expect(forOrganisers(text)).toMatch(/intake\.cohort in mentor\.config\.yaml/);
  expect(forOrganisers(text)).toContain('Then re-run the workflow run that answered here (Actions tab), and it takes this request.');
  expect(forOrganisers(text)).not.toContain('--cohort');
}

describe('a request from the issue form that only the organisers can unblock', () => {
  it('says no cohort is taking requests when none is running, mentions the maintainers once and asks for no edit', async () => {
    const text = await answer(exampleRepo(), AFTER_THE_COHORT);
    expectOrganisersAnswer(text);
    expect(forOrganisers(text)).toContain('Every cohort has finished: open the next one \\(mentor next\\), then set intake.cohort in mentor.config.yaml to it.');
  });

  it('tells the organisers which cohort could take requests when the next one is opened but has not started (the weeks between cycles)', async () => {
    const repo = exampleRepo({ 'cohorts/2027-winter/cohort.yaml': 'id: 2027-winter\nname: Winter\nstart: 2027-01-04\nend: 2027-03-28\nmembers: []\n' });
    const text = await answer(repo, AFTER_THE_COHORT);
    expectOrganisersAnswer(text);
    expect(forOrganisers(text)).toBe('For the organisers: No cohort is running today. Set intake.cohort in mentor.config.yaml to the cohort that takes requests: 2027-winter \\(starts 2027-01-04\\). Then re-run the workflow run that answered here (Actions tab), and it takes this request.');
  });

  it('says the same when intake.cohort names a cohort that does not exist', async () => {
    const text = await answer(withIntakeCohort('nope'), RUNNING);
    expectOrganisersAnswer(text);
    expect(text).toContain('the program sends them to a cohort "nope" that does not exist');
  });

  it('says the same when the intake cohort has ended', async () => {
    const text = await answer(withIntakeCohort('2026-fall'), AFTER_THE_COHORT);
    expectOrganisersAnswer(text);
    expect(text).toContain('cohort 2026-fall, the one that took them, ended on 2026-11-29');
    expect(forOrganisers(text)).toContain('intake.cohort in mentor.config.yaml is 2026-fall, which ended on 2026-11-29.');
  });

  it('says which cohort takes requests is not decided yet when two are running and the config names none', async () => {
    const repo = exampleRepo();
    mkdirSync(path.join(repo, 'cohorts/2026-winter'));
    writeFileSync(path.join(repo, 'cohorts/2026-winter/cohort.yaml'), 'id: 2026-winter\nname: Winter\nstart: 2026-11-02\nmembers: []\n');
    const text = await answer(repo, RUNNING);
    expect(text).toContain('Several cohorts are running, and the program has not said yet which one takes requests. The organisers (@andrew-gh) have been told');
    expect(mentions(text)).toEqual(['andrew-gh']);
    expect(forRequester(text)).not.toMatch(/--cohort|mentor\.config\.yaml|Edit the issue/);
    expect(forOrganisers(text)).toContain('Set intake.cohort in mentor.config.yaml to the cohort that takes requests: one of 2026-fall \\(running\\), 2026-winter \\(running\\).');
  });

  it('still asks for an edit for what the requester can fix, next to what the organisers must', async () => {
    const text = await answer(exampleRepo(), AFTER_THE_COHORT, form('Mars/Olympus'));
    expectOrganisersAnswer(text.replace(/Edit the issue[^\n]*/, ''));
    expect(text).toContain('- "Mars/Olympus" is not an IANA time zone');
    expect(text).toContain('Edit the issue to fix it (the form is read again on every edit).');
  });

  it('asks for an edit, and mentions nobody, when only the requester has something to fix', async () => {
    const text = await answer(exampleRepo(), RUNNING, form('Mars/Olympus'));
    expect(text).toContain('Your request cannot be taken yet:');
    expect(text).toContain('Edit the issue to fix it');
    expect(text).not.toContain('organisers');
    expect(mentions(text)).toEqual([]);
  });

  it('tells the one who runs the CLI what they can do: --cohort, or intake.cohort in the config', async () => {
    const result = mentor(['request', '--repo', exampleRepo(), '--person', 'zoe', '--name', 'Zoe', '--github', 'zoe-z', '--timezone', 'UTC'], { env: AFTER_THE_COHORT });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('No cohort is running to ask in: name one with --cohort (or set intake.cohort in mentor.config.yaml).');
    const named = await mentorIn(
['request', '--repo', exampleRepo(), '--cohort', 'nope', '--person', 'zoe', '--name', 'Zoe', '--github', 'zoe-z', '--timezone', 'UTC', '--format', 'markdown'], { env: RUNNING });
    expect(named.stdout).toContain('There is no cohort "nope"');
  });
});
