import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mentorIn } from './helpers/in-process.js';
import { exampleRepo } from './helpers/repo.js';

// `mentor codeowners` writes .github/CODEOWNERS from the config. What it says must match what it
// did: whose file it replaced, and that a CODEOWNERS with no maintainer names no owner.

const CODEOWNERS = '.github/CODEOWNERS';

describe('mentor codeowners', () => {
  it("says when it replaces a CODEOWNERS mentor had not written (the repo's own), and how to see its lines", async () => {
    const repo = exampleRepo({ [CODEOWNERS]: '*.js @frontend-team\n' });
    const result = await mentorIn(['codeowners', '--repo', repo]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe(
      'Wrote .github/CODEOWNERS (the maintainers own every file: 1).\n' +
        "It replaced a .github/CODEOWNERS mentor had not written: its lines are gone from the file (if it was committed, `git show HEAD:.github/CODEOWNERS` shows them). What each person may change is the mentor/gate check's to judge, not CODEOWNERS'.\n",
    );
    expect(readFileSync(path.join(repo, CODEOWNERS), 'utf8')).toContain('* @andrew-gh');
    // Its own file, out of date, is rewritten without a word about anyone's lines.
    writeFileSync(path.join(repo, 'mentor.config.yaml'), readFileSync(path.join(repo, 'mentor.config.yaml'), 'utf8').replace('maintainers: [andrew-gh]', 'maintainers: [andrew-gh, ada-l]'));
    expect((await mentorIn(['codeowners', '--repo', repo])).stdout).toBe('Wrote .github/CODEOWNERS (the maintainers own every file: 2).\n');
  });

  it('says a CODEOWNERS written with no maintainers names no owner, and what to add', async () => {
    const repo = exampleRepo();
    writeFileSync(path.join(repo, 'mentor.config.yaml'), readFileSync(path.join(repo, 'mentor.config.yaml'), 'utf8').replace('maintainers: [andrew-gh]', 'maintainers: []'));
    const result = await mentorIn(['codeowners', '--repo', repo]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe('Wrote .github/CODEOWNERS with no owner yet: mentor.config.yaml has no maintainers. Add `maintainers: [your-handle]` there, then run `mentor codeowners` again.\n');
  });
});
