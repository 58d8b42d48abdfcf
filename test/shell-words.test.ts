import { execFileSync } from 'node:child_process';
import { existsSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { underWay } from '../src/commands/commit-undo.js';
import { shellWords } from '../src/domain/text.js';
import { openGit } from '../src/io/git.js';
import { mentorIn } from './helpers/in-process.js';
import { exampleGitRepo, git, readText } from './helpers/repo.js';

// The git commands mentor prints for people to copy into a shell say what they mean, whatever the
// user's branch or folder is called: a branch may hold `;`, `>`, `$(` and quotes, a folder spaces.

const HOSTILE = ["wip;echo>pwned", "it's-$(touch pwned)", 'a`touch pwned`', 'my program ü'];
const COHORT = 'cohorts/2026-fall/cohort.yaml';

const sh = (command: string, cwd: string) => execFileSync('sh', ['-c', command], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

describe('words of a printed command', () => {
  it('reach the command as they are, one word each, and run nothing of their own', () => {
    const dir = exampleGitRepo();
    const words = [...HOSTILE, 'plain/path-1.yaml', 'line\nbreak', ''];
    expect(sh(`printf '%s\\0' ${shellWords(words)}`, dir).split('\0').slice(0, -1)).toEqual(words);
    expect(existsSync(path.join(dir, 'pwned'))).toBe(false);
    expect(shellWords(['cohorts/2026-fall/cohort.yaml', 'claim/2026-fall/jon'])).toBe('cohorts/2026-fall/cohort.yaml claim/2026-fall/jon');
  });

  it("that finish going back from a --commit stopped mid-way take the user back to their own branch, whatever it is called", async () => {
    for (const before of HOSTILE.filter((name) => !name.includes(' '))) {
      const repo = exampleGitRepo();
      git(repo, ['switch', '-q', '-c', before]);
      const commit = git(repo, ['rev-parse', 'HEAD']).trim();
      const original = readText(repo, COHORT);
      git(repo, ['switch', '-q', '-c', 'claim/2026-fall/jon']);
      writeFileSync(path.join(repo, COHORT), `${original}# changed\n`);
      const { wayOut } = underWay({ repo: openGit(repo), branch: 'claim/2026-fall/jon', files: [COHORT], before: { branch: before, commit }, step: 'write', tracked: new Set([COHORT]) });
      const goBack = /to go back: (.*)\.$/.exec(wayOut)?.[1];
      expect(goBack, wayOut).toBeDefined();
      sh(goBack!, repo);
      expect(git(repo, ['branch', '--show-current']).trim(), before).toBe(before);
      expect(readText(repo, COHORT)).toBe(original);
      expect(git(repo, ['branch', '--list', 'claim/*']).trim()).toBe('');
      expect(existsSync(path.join(repo, 'pwned')), before).toBe(false);
    }
  });

  it('name a linked worktree in a folder with spaces and quotes so that git worktree repair finds it', async () => {
    const main = exampleGitRepo();
    const linked = `${main} it's linked`;
    git(main, ['worktree', 'add', '-q', '-b', 'linked', linked]);
    renameSync(main, `${main}-moved`);
    const result = await mentorIn(['claim', 'jon', '--as', 'linus', '--commit', '--repo', linked]);
    const repair = /`(git worktree repair [^`]*)`/.exec(result.stderr)?.[1];
    expect(repair, result.stderr).toBe(`git worktree repair '${linked.replaceAll("'", `'\\''`)}'`);
    sh(repair!, `${main}-moved`);
    expect((await mentorIn(['validate', '--repo', linked])).code).toBe(0);
    renameSync(`${main}-moved`, main);
  });
});
