// A recording stand-in for the `gh` subcommands the request, claim and attention workflows use
// (issue, pr, label, and `api` for commit statuses), answered by test/helpers/gh-server.mjs.
// State in GH_ISSUES_STATE (JSON): issues with their comments, pull requests, statuses; every call
// is kept in its `calls`; `faults` make calls fail (gh-faults.mjs).
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { dueFault } from './gh-faults.mjs';

/** One `gh` call: its argv, the environment and folder it ran in; what gh would answer. */
export function ghIssues({ args, env, cwd }) {
  const file = env.GH_ISSUES_STATE;
  const state = JSON.parse(readFileSync(file, 'utf8'));
  const flag = (name) => {
    const i = args.indexOf(name);
    return i < 0 ? undefined : args[i + 1];
  };
  const bodyOf = () => (flag('--body-file') !== undefined ? readFileSync(path.resolve(cwd, flag('--body-file')), 'utf8') : flag('--body'));
  const save = () => writeFileSync(file, JSON.stringify(state, null, 2));
  const issue = (n) => state.issues.find((i) => i.number === Number(n));
  const url = (kind, n) => `https://github.com/${env.GITHUB_REPOSITORY}/${kind}/${n}`;
  state.calls.push(args);
  if (!env.GH_TOKEN) return { code: 4, stdout: '', stderr: '' };
  const fault = dueFault(state, args);
  if (fault && !fault.afterWrite) {
    save();
    return fault;
  }
  const [group, verb, target] = args;
  let out = '';
  if (group === 'label') {
    // created or updated
  } else if (group === 'issue' && verb === 'list') {
    // The issues with the label, newest first, open ones unless `--state all` (or `closed`), as `--json` gives
    // them (a comment given as a string is the workflows' own, by the Actions bot), then through
    // the real jq for `--jq`, as gh does (`--author`: an issue given its `author` login).
    const issues = state.issues
      .filter((i) => i.labels.includes(flag('--label')) && (flag('--state') === 'all' || i.state === (flag('--state') ?? 'open')) && (flag('--author') === undefined || i.author === flag('--author')))
      .sort((a, b) => b.number - a.number)
      .slice(0, Number(flag('--limit') ?? 30))
      .map((i) => ({ number: i.number, url: url('issues', i.number), state: i.state.toUpperCase(), createdAt: i.createdAt ?? '2026-01-05T10:00:00Z', comments: i.comments.map((c) => (typeof c === 'string' ? { author: { login: 'github-actions' }, body: c } : c)) }));
    const jq = spawnSync('jq', ['-r', flag('--jq') ?? '.'], { input: JSON.stringify(issues), encoding: 'utf8' });
    if (jq.status !== 0) return { code: 1, stdout: '', stderr: jq.stderr };
    out = jq.stdout;
  } else if (group === 'issue' && verb === 'view') {
    const found = issue(target);
    if (flag('--json') === 'comments') {
      // As the issue list above gives them, through the real jq.
      const comments = found.comments.map((c) => (typeof c === 'string' ? { author: { login: 'github-actions' }, body: c } : c));
      const jq = spawnSync('jq', ['-r', flag('--jq') ?? '.'], { input: JSON.stringify({ comments }), encoding: 'utf8' });
      if (jq.status !== 0) return { code: 1, stdout: '', stderr: jq.stderr };
      out = jq.stdout;
    } else out = flag('--json') === 'state' ? `${found.state.toUpperCase()}\n` : `${found.body}\n`;
  } else if (group === 'issue' && verb === 'create') {
    const number = state.next++;
    state.issues.push({ number, title: flag('--title'), labels: [flag('--label')], body: bodyOf(), state: 'open', comments: [] });
    out = `${url('issues', number)}\n`;
  } else if (group === 'issue' && verb === 'edit') issue(target).body = bodyOf();
  else if (group === 'issue' && verb === 'close') {
    issue(target).state = 'closed';
    if (flag('--comment')) issue(target).comments.push(flag('--comment'));
  } else if (group === 'issue' && verb === 'reopen') issue(target).state = 'open';
  else if (group === 'issue' && verb === 'comment') issue(target).comments.push(bodyOf());
  else if (group === 'pr' && verb === 'list') {
    // A maintainer merged this pull request while the job ran, after its checkout and before this
    // list: GitHub moves the base branch to it, then the pull request is no longer open.
    if (state.mergedMeanwhile !== undefined) {
      const merged = state.prs.find((p) => p.number === state.mergedMeanwhile);
      spawnSync('git', ['--git-dir', state.origin, 'update-ref', 'refs/heads/main', `refs/heads/${merged.head}`]);
      merged.state = 'merged';
      delete state.mergedMeanwhile;
    }
    // The open pull requests as `--json` gives them (a fork's too: `--head` matches a branch name in
    // any repository), filtered by `--head`, then through the real jq for `--jq`, as gh does.
    // (A pull request given `state: 'merged'` or 'closed' is not listed: the workflows list open ones.)
    const prs = state.prs
      .filter((p) => (p.state ?? 'open') === 'open')
      .filter((p) => flag('--head') === undefined || p.head === flag('--head'))
      .map((p) => ({ headRefName: p.head, body: p.body, url: url('pull', p.number), isCrossRepository: p.fork === true, createdAt: p.createdAt ?? '2026-01-05T10:00:00Z', statusCheckRollup: rollup(state, p) }));
    const json = JSON.stringify(prs);
    if (flag('--jq') === undefined) out = `${json}\n`;
    else {
      const jq = spawnSync('jq', ['-r', flag('--jq')], { input: json, encoding: 'utf8' });
      if (jq.status !== 0) return { code: 1, stdout: '', stderr: jq.stderr };
      out = jq.stdout;
    }
  } else if (group === 'pr' && verb === 'create') {
    // A repository whose Actions may not open pull requests (GitHub's default for new repositories).
    if (state.refusePullRequests) return { code: 1, stdout: '', stderr: 'pull request create failed: GraphQL: GitHub Actions is not permitted to create or approve pull requests (createPullRequest)\n' };
    // Another run of the workflow for the same branch opened it between this run's list and create.
    if (state.openedMeanwhile) {
      const number = state.next++;
      state.prs.push({ number, head: flag('--head'), title: flag('--title'), body: bodyOf() });
      delete state.openedMeanwhile;
      save();
      return { code: 1, stdout: '', stderr: `a pull request for branch "${flag('--head')}" into branch "main" already exists:\n${url('pull', number)}\n` };
    }
    const number = state.next++;
    state.prs.push({ number, head: flag('--head'), title: flag('--title'), body: bodyOf() });
    out = `${url('pull', number)}\n`;
  } else if (group === 'pr' && verb === 'edit') {
    const found = state.prs.find((p) => url('pull', p.number) === target || String(p.number) === target);
    if (!found) return { code: 1, stdout: '', stderr: `GraphQL: Could not resolve to a PullRequest (${target})\n` };
    found.body = bodyOf();
  } else if (group === 'pr' && verb === 'view') {
    // `--json body --jq .body`, as gh gives it (or `--json comments`).
    const found = state.prs.find((p) => url('pull', p.number) === target || String(p.number) === target);
    if (!found) return { code: 1, stdout: '', stderr: `GraphQL: Could not resolve to a PullRequest (${target})\n` };
    if (flag('--json') === 'comments') {
      // `--json comments --jq …`: its comments (the workflows' own, by the Actions bot), through the real jq.
      const comments = (found.comments ?? []).map((c) => (typeof c === 'string' ? { author: { login: 'github-actions' }, body: c } : c));
      const jq = spawnSync('jq', ['-r', flag('--jq') ?? '.'], { input: JSON.stringify({ comments }), encoding: 'utf8' });
      if (jq.status !== 0) return { code: 1, stdout: '', stderr: jq.stderr };
      out = jq.stdout;
    } else out = `${found.body ?? ''}\n`;
  } else if (group === 'pr' && verb === 'comment') {
    const found = state.prs.find((p) => url('pull', p.number) === target || String(p.number) === target);
    if (!found) return { code: 1, stdout: '', stderr: `GraphQL: Could not resolve to a PullRequest (${target})\n` };
    found.comments = [...(found.comments ?? []), bodyOf()];
  } else if (group === 'api' && args.includes('POST')) {
    const fields = {};
    for (let i = 0; i < args.length; i++) if (args[i] === '-f') fields[args[i + 1].split('=')[0]] = args[i + 1].split('=').slice(1).join('=');
    state.statuses.push({ sha: args.find((a) => a.includes('/statuses/')).split('/').pop(), ...fields });
    out = '{}\n';
  } else {
    return { code: 2, stdout: '', stderr: `gh-issues-stub: not simulated: gh ${args.join(' ')}\n` };
  }
  save();
  return fault ?? { code: 0, stdout: out, stderr: '' };
}

/**
 * A pull request's statusCheckRollup as `gh pr list --json` gives it: the latest commit status of
 * each context on its head commit (StatusContext nodes). The head is the pull request's `sha`, or
 * its branch in the world's origin (`state.origin`).
 */
function rollup(state, pr) {
  let sha = pr.sha;
  if (sha === undefined && state.origin !== undefined) {
    const found = spawnSync('git', ['--git-dir', state.origin, 'rev-parse', '--verify', '--quiet', `refs/heads/${pr.head}`], { encoding: 'utf8' });
    sha = found.status === 0 ? found.stdout.trim() : undefined;
  }
  const latest = new Map();
  for (const status of state.statuses) if (status.sha === sha) latest.set(status.context, { __typename: 'StatusContext', context: status.context, state: String(status.state).toUpperCase(), targetUrl: status.target_url ?? '' });
  return [...latest.values()];
}
