import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mentorIn } from './helpers/in-process.js';
import { exampleGitRepo, exampleRepo, git, PACKAGE_ROOT } from './helpers/repo.js';
import { underTerminal, type Step } from './helpers/terminal.js';

// README examples that test/readme.test.ts does not run: `mentor log` on a terminal, `report --all
// --check`, and the excerpt of the example's report. Each is run here as the README shows it.

const readme = readFileSync(path.join(PACKAGE_ROOT, 'README.md'), 'utf8');
const NOW = '2026-11-24T09:00:00-08:00';

/** The one block that matches, its groups. */
function only(pattern: RegExp): string[] {
  const found = [...readme.matchAll(new RegExp(pattern, 'g'))];
  expect(found, String(pattern)).toHaveLength(1);
  return found[0]!.slice(1);
}

/** The lines a block shows, blank lines and `...` left out. */
const shown = (body: string) => body.split('\n').filter((line) => line.trim() !== '' && line.trim() !== '...');

describe('the README examples not run by readme.test.ts', () => {
  it('`mentor log` on a terminal: the questions and answers it shows, the total and the file', () => {
    const [now, body] = only(/```console\n\$ MENTOR_NOW=(\S+) mentor log\n([\s\S]*?)```/);
    const lines = shown(body!);
    // Each `✔ question answer` line: typed answers are typed, a list's choice (the default) is Enter.
    const answered = lines.filter((line) => line.startsWith('✔ ')).map((line) => /^✔ (.*?) \(< to go back\) (.*)$/.exec(line) ?? /^✔ (.*?\?) (.*)$/.exec(line)!);
    const steps: Step[] = answered.map(([, question, answer]) => [question!, /^(Who is logging|Write this log)\?/.test(question!) ? '\r' : `${answer}\r`]);
    // What the README leaves out (`...`): the questions after the hours it shows, each left as offered.
    const skipped = ['Hours of weekly-review', 'Pull request links', 'What did you get done?', 'Anything blocking you?', 'What is next?'];
    steps.splice(steps.length - 1, 0, ...skipped.map((question): Step => [question, '\r']));
    const repo = exampleRepo();
    const { code, screen } = underTerminal(['log', '--repo', repo], steps, 'hal-k', now);
    expect(code, screen).toBe(0);
    for (const line of lines) expect(screen, line).toContain(line);
  });

  it('`mentor report --all --check` says what the README shows after a change to hal\'s log of 2026-W46', async () => {
    const [now, body] = only(/```console\n\$ MENTOR_NOW=(\S+) mentor report --all --check\n([\s\S]*?)```/);
    const repo = exampleGitRepo();
    for (const week of ['2026-W45', '2026-W46']) expect((await mentorIn(['report', '2026-fall', '--week', week, '--repo', repo], { env: { MENTOR_NOW: now } })).code).toBe(0);
    git(repo, ['add', '-A']);
    git(repo, ['commit', '-qm', 'reports']);
    const log = path.join(repo, 'cohorts/2026-fall/logs/hal/2026-W46.yaml');
    writeFileSync(log, readFileSync(log, 'utf8').replace(/practice: [\d.]+/, 'practice: 9'));
    const result = await mentorIn(['report', '--all', '--check', '--repo', repo], { env: { MENTOR_NOW: now } });
    expect(result.code).toBe(1);
    expect(result.stdout.trim().split('\n')).toEqual(shown(body!));
  });

  it('the excerpt of the example\'s report is in the report `mentor report 2026-fall` writes', async () => {
    const [now] = only(/An excerpt of the example's report \(`MENTOR_NOW=(\S+) mentor report 2026-fall`/);
    const [excerpt] = only(/````markdown\n([\s\S]*?)````/);
    const repo = exampleRepo();
    expect((await mentorIn(['report', '2026-fall', '--repo', repo], { env: { MENTOR_NOW: now ?? NOW } })).code).toBe(0);
    const report = readFileSync(path.join(repo, 'reports/2026-fall/2026-W47.md'), 'utf8').split('\n');
    let at = 0;
    for (const line of shown(excerpt!)) {
      const found = report.indexOf(line, at);
      expect(found, line).toBeGreaterThanOrEqual(0);
      at = found + 1;
    }
  });
});
