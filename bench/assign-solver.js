#!/usr/bin/env node
// The assignment solver alone (no file reading): `node bench/assign-solver.js <program repo> <cohort>`.
// Prints the median of 5 runs of planAssignment, in seconds.
import { loadProgram } from '../dist/model/load.js';
import { WorktreeSource } from '../dist/io/worktree-source.js';
import { planAssignment } from '../dist/core/assign.js';

const [repo, cohortId] = process.argv.slice(2);
const root = (await import('node:fs')).realpathSync(repo);
const program = loadProgram(new WorktreeSource(root));
const entry = program.cohorts.get(cohortId);
const people = new Map([...program.people].map(([id, person]) => [id, person.person]));
const times = [];
let plan;
for (let i = 0; i < 5; i++) {
  const started = process.hrtime.bigint();
  plan = planAssignment({ config: program.config, cohort: entry.cohort, people, now: Date.parse('2026-09-07T00:00:00Z') });
  times.push(Number(process.hrtime.bigint() - started) / 1e9);
}
times.sort((a, b) => a - b);
console.log(JSON.stringify({ seconds: times[2], placed: plan.assignments.length, totalScore: plan.totalScore }));
