import { describe, expect, it } from 'vitest';
import { mentorIn } from './helpers/in-process.js';
import { exampleGitRepo } from './helpers/repo.js';

// The README's `mentor validate --at origin/main`, in a program repo not yet pushed (an organiser
// after `mentor init`, before `git remote add origin`): before, 'Check the branch or commit name
// (for a remote branch: origin/main), and fetch it first.', which names what just failed.

describe('a ref through a remote the repository does not have', () => {
  it('says there is no such remote and names the local branch', async () => {
    const result = await mentorIn(['validate', '--at', 'origin/main', '--repo', exampleGitRepo()]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--at origin/main: git knows no such commit.');
    expect(result.stderr).toContain('This repository has no remote origin: name the local branch, main (--at main).');
  });

  it('keeps the words for a name that is nobody\'s branch', async () => {
    const result = await mentorIn(['validate', '--at', 'feature/x', '--repo', exampleGitRepo()]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Check the branch or commit name');
  });
});
