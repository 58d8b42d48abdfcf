import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { EXAMPLE, exampleGitRepo, exampleRepo, git, makeTree, mentor } from './helpers/repo.js';
import { CTRL_C, underTerminal } from './helpers/terminal.js';
import { visibleWidth } from '../src/domain/columns.js';

// What a person sees at a narrow terminal (a split pane, a phone's SSH app): mentor's own text
// breaks between words within the width, and a pipe gets the same bytes as before, one line each
// (COLUMNS set or not: a file or a CI log is no terminal).

const NOW = '2026-11-24T09:00:00-08:00';

/** The lines of a screen, each at most `width` wide; returned joined back (a line break and its indent read as one space). */
function fitted(screen: string, width: number): string {
  const lines = screen.split(/\r?\n/);
  const over = lines.filter((line) => line.length > width);
  expect(over, screen).toEqual([]);
  return lines.join('\n').replace(/\n +/g, ' ');
}

describe('mentor at a narrow terminal', () => {
  it('counts the marks it prints (✖ ✔ ⚠ •) one column, as terminals draw them; an emoji, or a mark asked to be one, two', () => {
    expect(visibleWidth('✖ ✔ ⚠ • ↳')).toBe(9);
    expect(visibleWidth('👩‍💻 ✅ ⚠️')).toBe(8);
  });

  it('wraps an error and its hint between words, the hint under itself; piped, each stays one line', () => {
    const repo = exampleRepo();
    const args = ['log', '--repo', repo, '--person', 'bob', '--week', '2026-W10'];
    const { code, screen } = underTerminal(args, [], 'hal-k', NOW, { PTY_COLUMNS: '40' });
    expect(code, screen).toBe(1);
    const said = fitted(screen, 40);
    expect(said).toContain('mentor: 2026-W10 is outside cohort 2026-fall (2026-W37 to 2026-W48); nothing was written.');
    expect(said).toContain('Log a week of the cohort, or name the cohort that ran that week with --cohort.');
    expect(screen).toMatch(/^mentor: 2026-W10 is outside cohort\r?\n {8}2026-fall/m);

    const piped = mentor(args, { env: { MENTOR_NOW: NOW, COLUMNS: '40' } });
    expect(piped.stderr).toBe(
      'mentor: 2026-W10 is outside cohort 2026-fall (2026-W37 to 2026-W48); nothing was written.\n  Log a week of the cohort, or name the cohort that ran that week with --cohort.\n',
    );
  });

  it('wraps a hint that is a sentence starting with "mentor" or "git", as any other: only a command to copy stays whole', () => {
    // Before: "  mentor could not tell from your git user name." was taken for a command
    // (mentor <word>) and left to the terminal to break mid-word.
    const repo = exampleRepo();
    const { code, screen } = underTerminal(['log', '--repo', repo, '--format', 'json', '--week', '2026-W47'], [], 'nobody-known', NOW, { PTY_COLUMNS: '40' });
    expect(code, screen).toBe(2);
    // The JSON answer on standard output is data, one line per key: only what is said is checked.
    const said = screen.split(/\r?\n/).filter((line) => !/^\s*[{}"]/.test(line)).join('\n');
    expect(fitted(said, 40)).toContain('mentor could not tell from your git user name.');
  });

  it('keeps a command in backticks whole on one line when it wraps a warning', () => {
    const repo = exampleRepo({ 'people/bob.yaml': 'id: bob\nname: Bob\ngithub: bob-m\ntimezone: America/Chicgo\n' });
    const { code, screen } = underTerminal(['hours', '2026-fall', '--repo', repo], [], 'hal-k', NOW, { PTY_COLUMNS: '40' });
    expect(code, screen).toBe(0);
    const said = fitted(screen, 40);
    // A member's person file with errors is named (it was only counted: "the records of cohort 2026-fall have 1 error").
    expect(said).toContain('mentor: warning: people/bob.yaml:4:11 has errors: "timezone" must be an IANA time zone');
    expect(said).toContain('mentor: run `mentor validate` to see how to fix each.');
    expect(screen).toContain('`mentor validate`');
  });

  it('wraps validate\'s problems and their fixes between words, a fix under its own text; piped, one line each', () => {
    const repo = exampleRepo({ 'people/bob.yaml': 'id: bob\nname: Bob\ngithub: bob-m\ntimezone: America/Chicgo\nskils: [css]\n' });
    const { code, screen } = underTerminal(['validate', '--repo', repo], [], 'hal-k', NOW, { PTY_COLUMNS: '40' });
    expect(code, screen).toBe(1);
    const said = fitted(screen.replace(/^ +\d* \| .*$/gm, ''), 40);
    expect(said).toContain('4:11  error  "timezone" must be an IANA time zone such as Europe/London or America/Los_Angeles. [invalid-value]');
    expect(said).toContain('fix: Did you mean America/Chicago? (IANA zone names use _ for spaces.)');
    expect(said).toContain('✖ 1 error, 1 warning in 1 file');
    expect(screen).toMatch(/^ {9}fix: Did you mean\r?\n {14}America\/Chicago\?/m);

    const piped = mentor(['validate', '--repo', repo], { env: { MENTOR_NOW: NOW, COLUMNS: '40' } });
    expect(piped.stdout).toContain('\n         fix: Did you mean America/Chicago? (IANA zone names use _ for spaces.)\n');
    expect(piped.stdout).toContain('\n  5:1  warning  Unknown field "skils"; it is ignored.  [unknown-field]\n');
  });

  it.each(['40', '60'])('shows next\'s proposals as one block per person at %s columns, each reason wrapped under itself', (columns) => {
    const args = ['next', '2026-fall', '2027-spring', '--start', '2027-01-11', '--early', '--repo', exampleRepo()];
    const { code, screen } = underTerminal(args, [['Write cohorts/2027-spring/cohort.yaml?', CTRL_C]], 'hal-k', NOW, { PTY_COLUMNS: columns });
    expect(code, screen).toBe(130);
    const proposals = screen.slice(0, screen.indexOf('2027-spring would open'));
    const said = fitted(proposals, Number(columns));
    expect(said).toMatch(/^From 2026-fall to 2027-spring: 0\s+proposed to move up a tier\r?$/m);
    expect(proposals).toMatch(/^ {2}ada\r?\n {4}in 2026-fall {4}mentor\r?\n {4}in 2027-spring {2}mentor\r?\n {4}logged {10}3\/11\r?\n {4}why {13}logged 3 of 11/m);
    expect(said).toMatch(/why +logged 3 of 11 weeks, under 75%/);
  });

  it('keeps next\'s table at 80 columns, and a pipe gets it whole', () => {
    const args = ['next', '2026-fall', '2027-spring', '--start', '2027-01-11', '--early', '--repo', exampleRepo()];
    const piped = mentor(args, { env: { MENTOR_NOW: NOW } });
    expect(piped.stdout).toMatch(/^ {2}person {2}in 2026-fall {2}in 2027-spring {2}logged {2}why\n {2}andrew {2}lead {10}lead {12}3\/11 {4}leads stay leads\n/m);
  });

  it('shows each person\'s cohorts in progress as blocks at 40 columns, and the program figures wrapped between words', () => {
    const { code, screen } = underTerminal(['progress', '--repo', exampleRepo()], [], 'hal-k', NOW, { PTY_COLUMNS: '40' });
    expect(code, screen).toBe(0);
    const said = fitted(screen, 40);
    expect(screen).toMatch(/^ada Ada Lovelace \(0 moves up a tier\)\r?\n {2}2026-fall\r?\n {4}state {9}running\r?\n {4}role {10}mentor\r?\n {4}weeks logged {2}3 of 11\r?$/m);
    expect(said).toContain('request to assignment: median 21.8 h, worst 23 h; 2 of 3 within the 48 h promise, counting 1 still waiting past it');
  });

  it('shows hours as blocks when a note would push the table past the terminal (110 columns), with its own titles', () => {
    const { code, screen } = underTerminal(['hours', '2026-fall', '--week', '2026-W47', '--repo', exampleRepo()], [], 'hal-k', NOW, { PTY_COLUMNS: '110' });
    expect(code, screen).toBe(0);
    fitted(screen, 110);
    expect(screen).toMatch(/^ {2}linus\r?\n {4}mentees \(X\) {5}1\r?$/m);
    expect(screen).toMatch(/^ {4}no log this week\r?$/m);
    expect(screen).toContain('Activities show logged/planned hours.');
  });

  it('wraps check-pr\'s verdicts between words, each under its own text; piped, one line each', () => {
    const repo = exampleGitRepo();
    git(repo, ['checkout', '-q', '-b', 'pr']);
    writeFileSync(path.join(repo, 'README.md'), 'hello\n');
    git(repo, ['add', '-A']);
    git(repo, ['commit', '-q', '-m', 'readme']);
    const args = ['check-pr', '--repo', repo, '--base', 'main', '--head', 'pr', '--author', 'bob-m'];
    const { code, screen } = underTerminal(args, [], 'hal-k', NOW, { PTY_COLUMNS: '40' });
    expect(code, screen).toBe(1);
    const said = fitted(screen, 40);
    expect(said).toContain('✖ added    README.md: not a record (records are the .yaml files of people/ and cohorts/): only a maintainer may change other files');
    expect(screen).toMatch(/^ {2}✖ added {4}README\.md: not a record\r?\n {4}\(records/m);

    const piped = mentor(args, { env: { MENTOR_NOW: NOW, COLUMNS: '40' } });
    expect(piped.stdout).toContain('\n  ✖ added    README.md: not a record (records are the .yaml files of people/ and cohorts/): only a maintainer may change other files\n');
  });

  it('wraps what a writing command says next between words, and leaves each git command to copy whole', () => {
    const repo = exampleGitRepo();
    const { code, screen } = underTerminal(['claim', 'jon', '--as', 'linus', '--repo', repo], [], 'hal-k', NOW, { PTY_COLUMNS: '40' });
    expect(code, screen).toBe(0);
    const gitLines = screen.split(/\r?\n/).filter((line) => /^ {2}git (switch|add|commit|push) /.test(line));
    expect(gitLines.length, screen).toBe(4);
    expect(gitLines).toContain("  git commit -m 'Claim jon in 2026-fall: linus mentors them'");
    // No wrapped sentence begins a line with "git", looking like one more command to copy.
    expect(screen.split(/\r?\n/).filter((line) => /^\s*git /.test(line)), screen).toEqual(gitLines);
    // Run with --repo from another folder, the steps start in the repo (review14.test.ts holds when):
    // a command line too, left whole however long the repo's path.
    const cdLines = screen.split(/\r?\n/).filter((line) => line.startsWith('  cd '));
    expect(cdLines.filter((line) => line !== `  cd ${repo}`), screen).toEqual([]);
    const said = fitted(screen.split(/\r?\n/).filter((line) => !gitLines.includes(line) && !cdLines.includes(line)).join('\n'), 40);
    expect(said).toContain('Next: put the change on a branch of its own and open a pull request; it counts once merged:');
    expect(said).toContain('then open the pull request from the link that the push prints. (Next time, --commit makes the branch and the commit for you.)');

    const piped = mentor(['release', 'jon', '--reason', 'test', '--repo', repo], { env: { MENTOR_NOW: NOW, COLUMNS: '40' } });
    expect(piped.stdout).toContain('\nthen open the pull request from the link that the push prints. (Next time, --commit makes the branch and the commit for you.)\n');
  });

  it('keeps assign --explain inside 40 columns: its title, summary and tables', () => {
    const { code, screen } = underTerminal(['assign', '2026-fall', '--dry-run', '--explain', '--repo', exampleRepo()], [], 'hal-k', NOW, { PTY_COLUMNS: '40' });
    expect(code, screen).toBe(0);
    const said = fitted(screen, 40);
    expect(said).toContain('Proposed placements in 2026-fall: 2 of 2 waiting');
    expect(said).toContain('preferences honoured: 1 of 1 who asked for a mentor by name');
    expect(screen).toMatch(/^ {2}ada\r?\n {4}role {6}mentor\r?\n {4}before {4}3\r?\n {4}after {5}4\r?\n {4}capacity {2}4\r?$/m);
  });

  it('leaves a command too long for any line where it is in a message, not on a line of its own after a lone word', () => {
    const repo = exampleRepo();
    const { code, screen } = underTerminal(['log', '--repo', repo, '--cohort', '2026-fall'], [['Who is logging?', CTRL_C]], 'hal-k', NOW, { PTY_COLUMNS: '40' });
    expect(code, screen).toBe(130);
    expect(screen).toMatch(/^ {2}Run `mentor log --repo \S+ --cohort 2026-fall`\r?\n {4}again to start over\.\r?$/m);
  });

  it('keeps what init says inside 40 columns, each file it created whole on its line', () => {
    const dir = path.join(makeTree({}), 'program');
    const { code, screen } = underTerminal(['init', dir], [], 'hal-k', NOW, { PTY_COLUMNS: '40' });
    expect(code, screen).toBe(0);
    // A path longer than any line (.github/ISSUE_TEMPLATE/request-a-mentor.yml) is the terminal's to break.
    const said = fitted(screen.split(/\r?\n/).filter((line) => !/\S{37}/.test(line) && !line.includes('/members/')).join('\n'), 40);
    expect(said).toMatch(/Initialised a git repository and committed \d+ files \([0-9a-f]{7}\)\./);
    expect(said).toContain('Next steps (everything runs with plain node, nothing to install):');
    expect(screen).toMatch(/^ {2}created\r?\n {4}\.github\/workflows\/mentor-review\.yml\r?$/m);
  });

  it('keeps the tree\'s members not reachable from a lead inside 40 columns', () => {
    const cohort = readFileSync(path.join(EXAMPLE, 'cohorts/2026-fall/cohort.yaml'), 'utf8').replace('    mentor: ada\n    requestedAt: 2026-09-01', '    mentor: adda\n    requestedAt: 2026-09-01');
    const { code, screen } = underTerminal(['tree', '2026-fall', '--repo', exampleRepo({ 'cohorts/2026-fall/cohort.yaml': cohort })], [], 'hal-k', NOW, { PTY_COLUMNS: '40' });
    expect(code, screen).toBe(0);
    const said = fitted(screen, 40);
    expect(said).toContain('Not reachable from a lead (1 member; run `mentor validate`)');
    expect(said).toMatch(/bob Bob Martin \(mentee, 5\.5 h\) mentor adda is not in this cohort/);
  });

  it('wraps what a --check says between words: codeowners --check on a repo without CODEOWNERS', () => {
    const { code, screen } = underTerminal(['codeowners', '--check', '--repo', exampleRepo()], [], 'hal-k', NOW, { PTY_COLUMNS: '40' });
    expect(code, screen).toBe(1);
    expect(fitted(screen, 40)).toContain('.github/CODEOWNERS is missing. Regenerate it with `mentor codeowners` and commit it.');
  });

  it('wraps fix --check\'s findings between words', () => {
    // Skills out of order: fix sorts them.
    const person = readFileSync(path.join(EXAMPLE, 'people/bob.yaml'), 'utf8').replace('skills: [html]', 'skills: [html, css]');
    const { code, screen } = underTerminal(['fix', '--check', '--repo', exampleRepo({ 'people/bob.yaml': person })], [], 'hal-k', NOW, { PTY_COLUMNS: '40' });
    expect(code, screen).toBe(1);
    expect(fitted(screen, 40)).toContain('1 record is not in canonical form (run `mentor fix`):');
  });
});
