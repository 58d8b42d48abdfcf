import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mentorIn } from './helpers/in-process.js';
import { exampleRepo, mentor } from './helpers/repo.js';

describe('mentor codeowners', () => {
  it('makes the maintainers the owners of every file, deterministically, and --check names the command that regenerates it', async () => {
    const repo = exampleRepo();
    const stale = mentor(['codeowners', '--repo', repo, '--check']);
    expect(stale.code).toBe(1);
    expect(stale.stdout).toContain('Regenerate it with `mentor codeowners`');
    expect((await mentorIn(['codeowners', '--repo', repo])).code).toBe(0);
    const text = readFileSync(path.join(repo, '.github/CODEOWNERS'), 'utf8');
    expect(text.split('\n').filter((line) => line && !line.startsWith('#'))).toEqual(['* @andrew-gh']);
    expect((await mentorIn(['codeowners', '--repo', repo, '--check'])).code).toBe(0);
    // A new person changes nothing (their rights are the gate's); a new maintainer does.
    writeFileSync(path.join(repo, 'people/zoe.yaml'), 'id: zoe\nname: Zoe\ngithub: zoe-z\n');
    expect((await mentorIn(['codeowners', '--repo', repo, '--check'])).code).toBe(0);
    writeFileSync(path.join(repo, 'mentor.config.yaml'), readFileSync(path.join(repo, 'mentor.config.yaml'), 'utf8').replace('maintainers: [andrew-gh]', 'maintainers: [andrew-gh, Zoe-Z]'));
    expect((await mentorIn(['codeowners', '--repo', repo, '--check'])).code).toBe(1);
    await mentorIn(['codeowners', '--repo', repo]);
    expect(readFileSync(path.join(repo, '.github/CODEOWNERS'), 'utf8')).toContain('\n* @andrew-gh @zoe-z\n');
  });
});

