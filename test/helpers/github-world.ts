import { execFileSync } from 'node:child_process';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Value } from './workflow-expr.js';
import { ghStandIn, type SimEvent, type SimWorld } from './workflow-sim.js';
import { EXAMPLE, GIT_ENV, makeTree, mentor } from './repo.js';
import { sharedFixture } from './shared-fixture.js';

// A program repo on a simulated GitHub: the example program with everything `mentor init` adds
// for GitHub (workflows, the runner, CODEOWNERS), a bare `origin` standing for the repository on
// GitHub, a maintainer's clone and a fork's clone, and the `gh` stand-in's canned API.

export const REPOSITORY = 'learn-teach-code/mentorship';
/** The example cohort runs 2026-09-07 to 2026-11-29: a Friday late in it. */
export const NOW = '2026-11-20T12:00:00-08:00';

export interface World extends SimWorld {
  maintainer: string;
  fork: string;
}

export interface PullRequest {
  number: number;
  author: string;
  /** GitHub's author_association of the author with the repository. */
  association: string;
  body: string;
  headSha: string;
  baseSha: string;
  mergeSha: string;
  fromFork: boolean;
  /** The branch it asks to merge into: `main` unless said. */
  base: string;
  /** The branch of the head repository it comes from. */
  headRef: string;
}

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, ...GIT_ENV }, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** A fresh world: a copy of one built once per run (the clones' origin pointed at the copy). */
export function githubWorld(): World {
  const root = makeTree({}, sharedFixture('github-world', buildWorld));
  const origin = path.join(root, 'origin.git');
  const maintainer = path.join(root, 'maintainer');
  const fork = path.join(root, 'fork');
  for (const clone of [maintainer, fork]) git(clone, 'remote', 'set-url', 'origin', origin);
  return { origin, repository: REPOSITORY, maintainer, fork, env: { MENTOR_NOW: NOW }, ...ghStandIn(root, { [`GET repos/${REPOSITORY}/pulls`]: [] }) };
}

function buildWorld(): string {
  const root = makeTree({});
  const program = path.join(root, 'program');
  cpSync(EXAMPLE, program, { recursive: true });
  const scaffold = path.join(root, 'scaffold');
  const init = mentor(['init', scaffold, '--no-git'], { env: { MENTOR_NOW: NOW } });
  if (init.code !== 0) throw new Error(init.stderr);
  for (const part of ['.github', '.mentor', '.gitattributes']) cpSync(path.join(scaffold, part), path.join(program, part), { recursive: true });
  mentor(['codeowners', '--repo', program]);
  mentor(['forms', '--repo', program]);
  git(root, 'init', '-q', '--initial-branch=main', program);
  git(program, 'add', '-A');
  git(program, 'commit', '-q', '-m', 'The program, set up by mentor init');
  const origin = path.join(root, 'origin.git');
  git(root, 'clone', '-q', '--bare', program, origin);
  git(origin, 'config', 'uploadpack.allowAnySHA1InWant', 'true');
  // A push into origin runs git-receive-pack there, without our GIT_ENV (git clears GIT_CONFIG_* for
  // the other side of a local transport): its gc --auto is turned off in origin's own config.
  git(origin, 'config', 'receive.autogc', 'false');
  git(root, 'clone', '-q', origin, 'maintainer');
  git(root, 'clone', '-q', origin, 'fork');
  // Only origin and the two clones are copied into each test's world.
  for (const scratch of [program, scaffold]) rmSync(scratch, { recursive: true, force: true });
  return root;
}

export const branchSha = (world: World, branch: string) => git(world.origin, 'rev-parse', `refs/heads/${branch}`).trim();
export const mainSha = (world: World) => branchSha(world, 'main');

/** Commits the edits in a clone on a new branch from origin/main. */
export function commitIn(clone: string, branch: string, files: Record<string, string | null>, message = 'change'): string {
  git(clone, 'fetch', '-q', 'origin');
  git(clone, 'switch', '-q', '-C', branch, 'origin/main');
  for (const [file, content] of Object.entries(files)) {
    if (content === null) git(clone, 'rm', '-q', file);
    else {
      execFileSync('mkdir', ['-p', path.dirname(path.join(clone, file))]);
      writeFileSync(path.join(clone, file), content);
    }
  }
  git(clone, 'add', '-A');
  git(clone, 'commit', '-q', '-m', message);
  return git(clone, 'rev-parse', 'HEAD').trim();
}

/** A maintainer pushes the branch to main. */
export function pushToMain(world: World, clone: string): string {
  git(clone, 'push', '-q', 'origin', 'HEAD:refs/heads/main');
  return mainSha(world);
}

/** A maintainer's slip lands on main: ivy's mentor misspelt (`linuss`) in cohort.yaml. */
export function slipOnMain(world: World): void {
  const cohort = path.join(world.maintainer, 'cohorts/2026-fall/cohort.yaml');
  commitIn(world.maintainer, 'slip', { 'cohorts/2026-fall/cohort.yaml': readFileSync(cohort, 'utf8').replace('    mentor: linus\n', '    mentor: linuss\n') });
  pushToMain(world, world.maintainer);
}

/** The report of a week as `mentor report` writes it, pushed to main by the maintainer; returns main before it. */
export function reportOnMain(world: World, week = '2026-W46'): string {
  const before = mainSha(world);
  const clone = world.maintainer;
  git(clone, 'fetch', '-q', 'origin');
  git(clone, 'switch', '-q', '-C', 'report', 'origin/main');
  const written = mentor(['report', '2026-fall', '--week', week, '--repo', clone], { env: { MENTOR_NOW: NOW } });
  if (written.code !== 0) throw new Error(written.stderr);
  git(clone, 'add', '-A');
  git(clone, 'commit', '-q', '-m', 'report');
  pushToMain(world, clone);
  return before;
}

/** hal renames himself in his own person file, on a branch of the fork. */
export function halRenames(world: World): string {
  const hal = path.join(world.fork, 'people/hal.yaml');
  return commitIn(world.fork, 'my-name', { 'people/hal.yaml': readFileSync(hal, 'utf8').replace('name: Hal Kim', 'name: Hal K. Kim') });
}

/** Opens a pull request as GitHub does: refs/pull/N/head, a test merge at refs/pull/N/merge, and the API's view of it. */
export function openPullRequest(world: World, clone: string, options: { number: number; author: string; base?: string; headRef?: string; association?: string; body?: string }): PullRequest {
  const { number, author, base = 'main', headRef = 'change', association = associationOf(author), body = '' } = options;
  git(clone, 'push', '-q', '-f', 'origin', `HEAD:refs/pull/${number}/head`);
  const headSha = git(clone, 'rev-parse', 'HEAD').trim();
  const baseSha = branchSha(world, base);
  // The test merge, made in origin itself as GitHub makes it: the merged tree (git merge-tree
  // fails on a conflict, as a merge would), committed with the base as first parent.
  const tree = git(world.origin, 'merge-tree', '--write-tree', baseSha, headSha).trim();
  const mergeSha = git(world.origin, 'commit-tree', tree, '-p', baseSha, '-p', headSha, '-m', `Merge ${headSha} into ${baseSha}`).trim();
  git(world.origin, 'update-ref', `refs/pull/${number}/merge`, mergeSha);
  const pr: PullRequest = { number, author, association, body, headSha, baseSha, mergeSha, fromFork: clone === world.fork, base, headRef };
  updateRoutes(world, (routes) => {
    routes[`GET repos/${REPOSITORY}/pulls/${number}/reviews`] ??= [];
    routes[`GET repos/${REPOSITORY}/issues/${number}/comments`] ??= [];
    const open = (routes[`GET repos/${REPOSITORY}/pulls`] as any[]).filter((p) => p.number !== number);
    routes[`GET repos/${REPOSITORY}/pulls`] = [...open, pullRequestPayload(pr)];
    routes[`GET repos/${REPOSITORY}/pulls/${number}`] = pullRequestPayload(pr);
  });
  return pr;
}

/** A review as the API lists it. */
export function review(world: World, pr: PullRequest, login: string, state: 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED', commit = pr.headSha, association = associationOf(login)): void {
  updateRoutes(world, (routes) => {
    const key = `GET repos/${REPOSITORY}/pulls/${pr.number}/reviews`;
    routes[key] = [...(routes[key] as any[]), { id: (routes[key] as any[]).length + 1, user: { login, type: 'User' }, state, commit_id: commit, author_association: association }];
  });
}

function updateRoutes(world: World, change: (routes: Record<string, Value>) => void): void {
  const state = JSON.parse(readFileSync(world.ghState, 'utf8'));
  change(state.routes);
  writeFileSync(world.ghState, JSON.stringify(state));
}

const repository = { full_name: REPOSITORY, name: 'mentorship', owner: { login: 'learn-teach-code' }, default_branch: 'main' };
const userOf = (login: string) => ({ login, type: login.endsWith('[bot]') ? 'Bot' : 'User' });
/** GitHub's author_association: the example's maintainer, andrew-gh, has write access; everyone else works from a fork. */
const associationOf = (login: string) => (login === 'andrew-gh' ? 'COLLABORATOR' : login.endsWith('[bot]') ? 'NONE' : 'CONTRIBUTOR');

const headRepository = (pr: PullRequest) => (pr.fromFork ? `${pr.author}/mentorship` : REPOSITORY);

function pullRequestPayload(pr: PullRequest): Record<string, Value> {
  return {
    number: pr.number,
    state: 'open',
    title: 'A change',
    body: pr.body,
    user: userOf(pr.author),
    author_association: pr.association,
    head: { sha: pr.headSha, ref: pr.headRef, repo: { full_name: headRepository(pr) } },
    base: { sha: pr.baseSha, ref: pr.base, repo: repository },
  };
}

// Event payloads, shaped like GitHub's webhook payloads (the fields the workflows read, and their neighbours).

export function pushEvent(world: World, before: string): SimEvent {
  const sha = mainSha(world);
  return { name: 'push', sha, ref: 'refs/heads/main', workflowSha: sha, payload: { ref: 'refs/heads/main', before, after: sha, repository, pusher: { name: 'andrew-gh' }, sender: userOf('andrew-gh') } };
}

export function pullRequestEvent(world: World, pr: PullRequest, name: 'pull_request' | 'pull_request_target', action = 'opened'): SimEvent {
  const payload = { action, number: pr.number, pull_request: pullRequestPayload(pr), repository, sender: userOf(pr.author) };
  if (name === 'pull_request') return { name, sha: pr.mergeSha, ref: `refs/pull/${pr.number}/merge`, workflowSha: pr.mergeSha, payload };
  // Since December 2025 pull_request_target runs the default branch as it is now, whatever the
  // pull request's base: its workflow file, GITHUB_SHA its last commit, GITHUB_REF the branch.
  const base = mainSha(world);
  return { name, sha: base, ref: 'refs/heads/main', workflowSha: base, payload };
}

/** The workflow_run of a finished pull_request_review run: a fork's carries no pull_requests. */
export function workflowRunEvent(world: World, pr: PullRequest): SimEvent {
  const base = mainSha(world);
  const workflowRun = {
    name: 'mentor review',
    event: 'pull_request_review',
    status: 'completed',
    conclusion: 'success',
    head_sha: pr.headSha,
    head_branch: pr.headRef,
    head_repository: { full_name: headRepository(pr) },
    pull_requests: pr.fromFork ? [] : [{ number: pr.number }],
  };
  return { name: 'workflow_run', sha: base, ref: 'refs/heads/main', workflowSha: base, payload: { action: 'completed', workflow_run: workflowRun, repository, sender: userOf('andrew-gh') } };
}

/** A review submitted: pull_request_review runs with the pull request's merge commit. */
export function reviewEvent(pr: PullRequest, reviewer: string, state: string): SimEvent {
  const payload = { action: 'submitted', review: { user: userOf(reviewer), state: state.toLowerCase(), commit_id: pr.headSha }, pull_request: pullRequestPayload(pr), repository, sender: userOf(reviewer) };
  return { name: 'pull_request_review', sha: pr.mergeSha, ref: `refs/pull/${pr.number}/merge`, workflowSha: pr.mergeSha, payload };
}

export interface MergeGroup {
  sha: string;
  ref: string;
  baseSha: string;
}

/**
 * The commit a merge queue builds for the pull requests (the last one names the group's branch),
 * as GitHub builds it: each merged in turn onto `baseSha` (main, or the group ahead in the queue),
 * on the branch gh-readonly-queue/main/pr-<number>-<head sha> of origin.
 */
export function mergeGroup(world: World, prs: PullRequest[], baseSha = mainSha(world)): MergeGroup {
  let sha = baseSha;
  for (const pr of prs) {
    const tree = git(world.origin, 'merge-tree', '--write-tree', sha, pr.headSha).trim();
    sha = git(world.origin, 'commit-tree', tree, '-p', sha, '-p', pr.headSha, '-m', `Merge pull request #${pr.number}`).trim();
  }
  const last = prs.at(-1)!;
  const ref = `refs/heads/gh-readonly-queue/main/pr-${last.number}-${last.headSha}`;
  git(world.origin, 'update-ref', ref, sha);
  return { sha, ref, baseSha };
}

/** merge_group checks_requested: the workflow file and GITHUB_SHA are the group's commit. */
export function mergeGroupEvent(group: MergeGroup): SimEvent {
  const mergeGroup = { head_sha: group.sha, head_ref: group.ref, base_sha: group.baseSha, base_ref: 'refs/heads/main', head_commit: { id: group.sha, tree_id: '', message: 'Merge' } };
  return { name: 'merge_group', sha: group.sha, ref: group.ref, workflowSha: group.sha, payload: { action: 'checks_requested', merge_group: mergeGroup, repository, sender: userOf('andrew-gh') } };
}
