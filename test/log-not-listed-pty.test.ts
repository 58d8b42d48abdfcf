import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exampleRepo } from './helpers/repo.js';
import { CTRL_C, underTerminal } from './helpers/terminal.js';

// A mentee whose request was merged after they cloned (or forked) runs `mentor log` in that copy:
// "Who is logging?" lists everyone but them. Before, nothing said why they were missing or what
// to do: the list had no way on. Said above it when the git user is not in it.

describe('mentor log on a terminal, for someone not in the list', () => {
  it('says above the list to bring the copy up to date (or to ask for a mentor) when the git user is not in it', () => {
    const repo = exampleRepo();
    const { code, screen } = underTerminal(['log', '--repo', repo], [['Who is logging?', CTRL_C]], 'zoe-z');
    expect(screen).toContain('Not in this list? Your person file is not in this copy yet: press Ctrl-C, run `git pull` (from a fork: Sync fork on GitHub first), and run this again.');
    expect(screen).toContain('`mentor request` asks for a mentor.');
    expect(code, screen).toBe(130);
    expect(readdirSync(path.join(repo, 'cohorts/2026-fall/logs')).sort()).toEqual(readdirSync(path.join(exampleRepo(), 'cohorts/2026-fall/logs')).sort());
  });

  it('says nothing of it to someone the list holds', () => {
    const { screen } = underTerminal(['log', '--repo', exampleRepo()], [['Who is logging?', CTRL_C]], 'hal-k');
    expect(screen).toContain('Who is logging?');
    expect(screen).not.toContain('Not in this list?');
  });
});

describe('mentor log --person with an id this copy has no person file for', () => {
  it('says the copy may be older than the person file, and how to update it', async () => {
    const { mentorIn } = await import('./helpers/in-process.js');
    const result = await mentorIn(['log', '--person', 'zoe-zhang', '--week', '2026-W47', '--hours', 'practice=3', '--repo', exampleRepo()], { env: { MENTOR_NOW: '2026-11-24T09:00:00-08:00' } });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('There is no person "zoe-zhang".');
    expect(result.stderr).toContain('Use the id of a file in people/ (without .yaml). If yours was merged after you cloned this copy, run `git pull` (from a fork: Sync fork on GitHub first), and run this again.');
  });
});
