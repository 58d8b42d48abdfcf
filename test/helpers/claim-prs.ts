import { expect } from 'vitest';
import { mainSha } from './github-world.js';
import { claimEvent, stateOf, type IssuesWorld } from './issues-world.js';
import { runWorkflow } from './workflow-sim.js';

// A claim's pull request in the simulated GitHub, as the claim workflow opens it, and what is said on it.

export type ClaimPr = { number: number; head: string; body: string };

/** Everything a job's steps printed, for a failure message. */
export const jobOutput = (job: { steps: Array<{ stdout: string; stderr: string }> }) => job.steps.map((s) => s.stdout + s.stderr).join('');

export const commentsOn = (w: IssuesWorld, pr: ClaimPr): string[] => stateOf(w).prs.find((p: { number: number }) => p.number === pr.number).comments ?? [];

/** `/claim jon` by `login` on the attention issue: the pull request the workflow opens. */
export function claimJon(w: IssuesWorld, login: string): ClaimPr {
  const job = runWorkflow(w, 'mentor-claim.yml', { ...claimEvent(w, '/claim jon', login), sha: mainSha(w) }).jobs.claim!;
  expect(job.succeeded, jobOutput(job)).toBe(true);
  return stateOf(w).prs.at(-1) as ClaimPr;
}
