import { describe, expect, it } from 'vitest';
import { mentorIn } from './helpers/in-process.js';
import { exampleGitRepo, git } from './helpers/repo.js';

// A mentor logs their week with `log --commit` (left on log/<them>/<week>), then releases or claims
// a member with `--commit`: the release's branch started from the log's, so its pull request held
// the log too (`git diff --stat main release/...`: the log and the member), and merging one merged
// both. claim, release and request now start from the default branch, as log does, when the files
// they write are there as on the branch checked out.

const NOW = { MENTOR_NOW: '2026-11-24T09:00:00-08:00' };

describe('claim, release and request --commit after a log --commit', () => {
  it.each([
    ['release', ['release', 'ivy', '--reason', 'no time this term', '--commit'], 'release/2026-fall/ivy', ['cohorts/2026-fall/cohort.yaml']],
    ['claim', ['claim', 'jon', '--as', 'linus', '--commit'], 'claim/2026-fall/jon', ['cohorts/2026-fall/cohort.yaml']],
    ['request', ['request', '--person', 'zoe', '--name', 'Zoe', '--github', 'zoe-z', '--timezone', 'Europe/Paris', '--commit'], 'request/zoe', ['cohorts/2026-fall/members/zoe.yaml', 'people/zoe.yaml']],
  ])('%s: its branch holds its own commit only, started from main', async (_name, args, branch, files) => {
    const repo = exampleGitRepo();
    expect((await mentorIn(['log', '--person', 'linus', '--week', '2026-W47', '--hours', 'project=2', '--commit', '--repo', repo], { env: NOW })).code).toBe(0);
    expect(git(repo, ['branch', '--show-current']).trim()).toBe('log/linus/2026-W47');
    const result = await mentorIn([...args, '--repo', repo], { env: NOW });
    expect(result.code, result.stderr).toBe(0);
    expect(git(repo, ['rev-list', '--count', `main..${branch}`]).trim()).toBe('1');
    expect(git(repo, ['diff', '--name-only', 'main', branch]).trim().split('\n')).toEqual(files);
  });

  // review15b: log --commit always started from the default branch. A newcomer whose request is on
  // its branch, not merged yet, who logs their first week there, got a log branch from main that
  // named a person main does not have: validate failed on it.
  it('log --commit starts from the branch checked out when it holds people or cohorts main does not', async () => {
    const repo = exampleGitRepo();
    expect((await mentorIn(['request', '--person', 'zoe', '--name', 'Zoe', '--github', 'zoe-z', '--timezone', 'Europe/Paris', '--commit', '--repo', repo], { env: NOW })).code).toBe(0);
    git(repo, ['switch', '-q', 'request/zoe']);
    const log = await mentorIn(['log', '--person', 'zoe', '--week', '2026-W47', '--hours', 'practice=2', '--commit', '--repo', repo], { env: NOW });
    // zoe waits for a mentor: no log is expected of her, but the log itself names a person of the branch.
    expect(log.code, log.stderr).toBe(0);
    expect(git(repo, ['rev-list', '--count', 'request/zoe..log/zoe/2026-W47']).trim()).toBe('1');
    expect(git(repo, ['merge-base', '--is-ancestor', 'request/zoe', 'log/zoe/2026-W47']).trim()).toBe('');
  });

  it('starts from the branch checked out when the file it edits differs there from main (its edit is built on that file)', async () => {
    const repo = exampleGitRepo();
    git(repo, ['checkout', '-q', '-b', 'work']);
    expect((await mentorIn(['claim', 'jon', '--as', 'linus', '--repo', repo], { env: NOW })).code).toBe(0);
    git(repo, ['commit', '-qam', 'linus takes jon, by hand']);
    const result = await mentorIn(['release', 'jon', '--reason', 'changed my mind', '--commit', '--repo', repo], { env: NOW });
    expect(result.code, result.stderr).toBe(0);
    expect(git(repo, ['rev-list', '--count', 'main..release/2026-fall/jon']).trim()).toBe('2');
  });
});
