import { execSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { exampleRepo } from './helpers/repo.js';
import { mentorCommand, underTerminal, type Step } from './helpers/terminal.js';

// A prompt left open takes no write lock: other writers go on meanwhile, and what the prompt
// writes is built from the records as they are when the answers are in (term8, T3).

const W47 = 'cohorts/2026-fall/logs/hal/2026-W47.yaml';

/** hal's log of 2026-W47, answered on the terminal; `side` runs while "Write this log?" is open. */
function logFormWith(repo: string, side: string): Step[] {
  const steps: Step[] = [['Who is logging?', '\r'], ['Which week', '2026-W47\r']];
  for (const activity of ['code-review', 'own-one-on-one', 'practice', 'weekly-review']) steps.push([`Hours of ${activity}`, '\r']);
  steps.push(['Pull request links', '\r'], ['What did you get done?', "Hal's joins\r"], ['Anything blocking you?', '\r'], ['What is next?', '\r'], ['Write this log?', '\r', side]);
  return steps;
}

describe('mentor log leaves the lock to other writers while it asks', () => {
  it('lets another writer write while the form is open, then writes the answers', () => {
    const repo = exampleRepo();
    const other = mentorCommand(['log', '--repo', repo, '--cohort', '2026-fall', '--person', 'hal', '--week', '2026-W46', '--hours', 'practice=2', '--force']);
    const { code, screen } = underTerminal(['log', '--repo', repo, '--cohort', '2026-fall'], logFormWith(repo, other));
    expect(code, screen).toBe(0);
    expect(screen).toContain('[side 0 exit 0]');
    expect(parse(readFileSync(path.join(repo, 'cohorts/2026-fall/logs/hal/2026-W46.yaml'), 'utf8')).hours.practice).toBe(2);
    expect(parse(readFileSync(path.join(repo, W47), 'utf8')).done).toBe("Hal's joins");
  });

  it('writes nothing over a log written meanwhile, and gives the command that writes the answers', () => {
    const repo = exampleRepo();
    const other = mentorCommand(['log', '--repo', repo, '--cohort', '2026-fall', '--person', 'hal', '--week', '2026-W47', '--hours', 'practice=9']);
    const { code, screen } = underTerminal(['log', '--repo', repo, '--cohort', '2026-fall'], logFormWith(repo, other));
    expect(code, screen).toBe(2);
    expect(screen).toContain(`${W47} changed while you answered`);
    expect(screen).toContain('nothing was written');
    expect(parse(readFileSync(path.join(repo, W47), 'utf8')).hours).toEqual({ practice: 9 });
    const command = /^ {4}(mentor log .*--force)$/m.exec(screen)?.[1];
    expect(command).toBe("mentor log --cohort 2026-fall --person hal --week 2026-W47 --hours code-review=1 own-one-on-one=1 practice=3 weekly-review=0.5 --done 'Hal'\\''s joins' --force");
    execSync(`${mentorCommand([])} ${command!.replace(/^mentor /, '')} --repo ${repo}`, { stdio: 'pipe' });
    expect(parse(readFileSync(path.join(repo, W47), 'utf8'))).toMatchObject({ hours: { 'code-review': 1, practice: 3 }, done: "Hal's joins" });
  });
});

describe('mentor assign leaves the lock to other writers while the organiser reviews', () => {
  const COHORT = 'cohorts/2026-fall/cohort.yaml';
  const mentorOf = (repo: string, person: string) => parse(readFileSync(path.join(repo, COHORT), 'utf8')).members.find((m: { person: string }) => m.person === person)?.mentor;

  it('lets a mentee log while the plan is on screen, then writes the placements', () => {
    const repo = exampleRepo();
    const other = mentorCommand(['log', '--repo', repo, '--cohort', '2026-fall', '--person', 'hal', '--week', '2026-W47', '--hours', 'practice=2']);
    const { code, screen } = underTerminal(['assign', '2026-fall', '--repo', repo], [['Write these placements?', '\r', other]]);
    expect(code, screen).toBe(0);
    expect(screen).toContain('[side 0 exit 0]');
    expect([mentorOf(repo, 'cleo'), mentorOf(repo, 'jon')]).toEqual(['ada', 'grace']);
  });

  it('writes nothing when a claim changed the cohort meanwhile, and says to review again', () => {
    const repo = exampleRepo();
    const claim = mentorCommand(['claim', 'jon', '--as', 'linus', '--cohort', '2026-fall', '--repo', repo]);
    const { code, screen } = underTerminal(['assign', '2026-fall', '--repo', repo], [['Write these placements?', '\r', claim]]);
    expect(code, screen).toBe(2);
    expect(screen).toContain('[side 0 exit 0]');
    expect(screen).toContain('The records of cohort 2026-fall changed while you answered');
    expect(screen).toContain('Run `mentor assign 2026-fall` again to review the placements as they are now.');
    expect([mentorOf(repo, 'cleo'), mentorOf(repo, 'jon')]).toEqual([undefined, 'linus']);
  });
});

describe('mentor request leaves the lock to other writers while it asks', () => {
  const zoe = ['--person', 'zoe', '--name', 'Zoe', '--github', 'zoe-z', '--timezone', 'UTC', '--wants', 'react', '--skills', '', '--languages', 'en', '--prefers', 'ada', '--role', 'mentee', '--cohort', '2026-fall'];

  it('lets another request be written while the preview is open, then writes this one', () => {
    const repo = exampleRepo();
    const other = mentorCommand(['request', '--repo', repo, ...zoe.map((word) => word.replace(/^zoe/, 'yan'))]);
    const { code, screen } = underTerminal(['request', '--repo', repo, ...zoe], [['Write this request?', '\r', other]]);
    expect(code, screen).toBe(0);
    expect(screen).toContain('[side 0 exit 0]');
    expect(parse(readFileSync(path.join(repo, 'people/yan.yaml'), 'utf8')).github).toBe('yan-z');
    expect(parse(readFileSync(path.join(repo, 'people/zoe.yaml'), 'utf8')).github).toBe('zoe-z');
  });

  it('refuses, writing nothing, when the id was taken while the preview was open', () => {
    const repo = exampleRepo();
    const other = mentorCommand(['request', '--repo', repo, ...zoe.map((word) => (word === 'Zoe' ? 'Zoe Other' : word))]);
    const { code, screen } = underTerminal(['request', '--repo', repo, ...zoe], [['Write this request?', '\r', other]]);
    expect(code, screen).toBe(1);
    expect(screen).toContain('[side 0 exit 0]');
    // The other request registered zoe-z as zoe and put zoe in 2026-fall: this one is hers, and she waits there already.
    expect(screen).toMatch(/zoe-z is zoe's \(people\/zoe\.yaml\), who is a member of cohort 2026-fall already/);
    expect(parse(readFileSync(path.join(repo, 'people/zoe.yaml'), 'utf8')).name).toBe('Zoe Other');
  });
});

describe('mentor next leaves the lock to other writers while it asks', () => {
  const args = (repo: string) => ['next', '2026-fall', '2027-spring', '--start', '2027-01-11', '--early', '--repo', repo];
  const SPRING = 'cohorts/2027-spring/cohort.yaml';

  it('lets a mentee log while the proposal is open, then writes the new cohort', () => {
    const repo = exampleRepo();
    const other = mentorCommand(['log', '--repo', repo, '--cohort', '2026-fall', '--person', 'hal', '--week', '2026-W47', '--hours', 'practice=2']);
    const { code, screen } = underTerminal(args(repo), [[`Write ${SPRING}?`, '\r', other]]);
    expect(code, screen).toBe(0);
    expect(screen).toContain('[side 0 exit 0]');
    expect(parse(readFileSync(path.join(repo, SPRING), 'utf8')).members).toHaveLength(13);
  });

  it('writes nothing over a cohort made while the proposal was open', () => {
    const repo = exampleRepo();
    const other = mentorCommand([...args(repo), '--yes', '--name', 'Made meanwhile']);
    const { code, screen } = underTerminal(args(repo), [[`Write ${SPRING}?`, '\r', other]]);
    expect(code, screen).toBe(2);
    expect(screen).toContain('[side 0 exit 0]');
    expect(screen).toContain('Cohort 2027-spring already exists');
    expect(parse(readFileSync(path.join(repo, SPRING), 'utf8')).name).toBe('Made meanwhile');
  });
});
