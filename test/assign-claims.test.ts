import { describe, expect, it } from 'vitest';
import { mentorIn } from './helpers/in-process.js';
import { exampleGitRepo, exampleRepo, git, mentor } from './helpers/repo.js';

// `mentor assign` and the claims mentors made on the attention issue: each is a branch
// claim/<cohort>/<member>@<login> on GitHub, whose pull request waits for a maintainer. assign
// reads the records on the branch it runs on, so it sees what the organiser's last fetch brought.

const env = { MENTOR_NOW: '2026-11-24T10:00:00-08:00' };

describe('assign beside open claims', () => {
  it("warns of a member it places whom a mentor's claim branch places too, naming the branch", () => {
    const repo = exampleGitRepo();
    // A claim of jon by linus-s, fetched from GitHub (a remote-tracking branch), and a branch of another cohort.
    git(repo, ['update-ref', 'refs/remotes/origin/claim/2026-fall/jon@linus-s', 'HEAD']);
    git(repo, ['update-ref', 'refs/remotes/origin/claim/2027-winter/jon@grace-h', 'HEAD']);
    const result = mentor(['assign', '2026-fall', '--dry-run', '--repo', repo], { env });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(
      'mentor: warning: a mentor claimed jon on the attention issue (branch origin/claim/2026-fall/jon@linus-s, by linus-s). If its pull request is still open, merge either it or these placements for jon, not both: both change jon\'s record (branches as of your last git fetch).\n',
    );
  });

  it('says nothing where no claim branch is known, or the folder is not a git repository', async () => {
    expect((await mentorIn(['assign', '2026-fall', '--dry-run', '--repo', exampleGitRepo()], { env })).stderr).toBe('');
    expect((await mentorIn(['assign', '2026-fall', '--dry-run', '--repo', exampleRepo()], { env })).stderr).toBe('');

  });
});
