import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTree, mentor } from './helpers/repo.js';

// A new organiser's first `mentor init` on a machine where git has no identity. Before, the hint
// said two things to do one after the other: 'Run git config ..., then try again. Then commit them:
// git add -A && git commit ...': done both ways, the second finds nothing to commit.

const NO_IDENTITY = { GIT_AUTHOR_NAME: undefined, GIT_AUTHOR_EMAIL: undefined, GIT_COMMITTER_NAME: undefined, GIT_COMMITTER_EMAIL: undefined, EMAIL: undefined, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_COUNT: '1', GIT_CONFIG_KEY_0: 'user.useConfigOnly', GIT_CONFIG_VALUE_0: 'true' };

describe('mentor init without a git identity', () => {
  it('says to set the identity and then either run init again or commit by hand, one or the other', () => {
    const dir = path.join(makeTree({}), 'program');
    const result = mentor(['init', dir], { env: { ...NO_IDENTITY, HOME: makeTree({}) } });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('git config --global user.email you@example.com`; then run the same `mentor init` again, which commits the files as it wrote them, or commit them yourself: git add -A && git commit -m "Start the mentorship program".');
    expect(result.stderr).not.toContain('then try again. Then commit them');
    expect(existsSync(path.join(dir, 'mentor.config.yaml'))).toBe(true);
  });
});
