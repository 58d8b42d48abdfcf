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
