import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { git, githubWorld, mainSha, type World } from './github-world.js';
import { writeGh, type SimEvent } from './workflow-sim.js';

// A simulated GitHub for the request, claim and attention workflows: the github world with the
// `gh` stand-in for issues, pull requests, labels and statuses (gh-issues-stub.mjs), and events
// and issue bodies as GitHub sends them.

export type IssuesWorld = World & { state: string };

export function issuesWorld(): IssuesWorld {
  const w = githubWorld();
  const dir = path.dirname(w.origin);
  const binDir = path.join(dir, 'issues-bin');
  writeGh(binDir, 'issues');
  const state = path.join(dir, 'gh-issues.json');
  writeFileSync(state, JSON.stringify({ issues: [], prs: [], statuses: [], calls: [], next: 100, origin: w.origin }));
  return { ...w, binDir, state, env: { ...w.env, GH_ISSUES_STATE: state } };
}

export const stateOf = (w: { state: string }) => JSON.parse(readFileSync(w.state, 'utf8'));

/** Changes the stand-in's state: `change` edits it in place. */
export function updateState(w: { state: string }, change: (state: any) => void): void {
  const s = stateOf(w);
  change(s);
  writeFileSync(w.state, JSON.stringify(s));
}

export const addIssue = (w: { state: string }, issue: Record<string, unknown>) => updateState(w, (s) => s.issues.push({ comments: [], state: 'open', ...issue }));

export const issueEvent = (w: World, name: string, payload: Record<string, unknown>): SimEvent => {
  const sha = mainSha(w);
  return { name, payload: payload as any, sha, ref: 'refs/heads/main', workflowSha: sha };
};

export const formBody = (id: string, tz = 'Europe/Paris', prefers = '_No response_') =>
  `### Your id\n\n${id}\n\n### Your name\n\nZoe <b>@octocat</b>\n\n### Your time zone\n\n${tz}\n\n### What you want to learn\n\nreact\n\n### What you know already\n\n_No response_\n\n### A mentor you would like\n\n${prefers}\n\n### Languages you speak\n\n_No response_`;

export const requestIssue = (body: string) => ({ action: 'opened', issue: { number: 7, state: 'open', body, user: { login: 'zoe-z' }, author_association: 'FIRST_TIMER', labels: [{ name: 'mentor-request' }] } });

export const claimEvent = (w: World, body: string, login: string) =>
  issueEvent(w, 'issue_comment', { action: 'created', issue: { number: 3, labels: [{ name: 'mentor-attention' }] }, comment: { body, user: { login } } });

/** A maintainer's commit on main, pushed: each file's new text, or how it changes. */
export function onMain(w: World, files: Record<string, string | ((text: string) => string)>, message: string): void {
  git(w.maintainer, 'pull', '-q', 'origin', 'main');
  for (const [file, text] of Object.entries(files)) {
    const target = path.join(w.maintainer, file);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, typeof text === 'string' ? text : text(readFileSync(target, 'utf8')));
  }
  git(w.maintainer, 'add', '-A');
  git(w.maintainer, 'commit', '-qm', message);
  git(w.maintainer, 'push', '-q', 'origin', 'HEAD:main');
}
