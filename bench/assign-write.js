#!/usr/bin/env node
// What writing a plan costs: `mentor assign <cohort> --dry-run` against `mentor assign <cohort> --yes`
// (which writes every placement into cohort.yaml) on one cohort.yaml listing 1,000 to 6,000 waiting
// mentees (one mentor per ten, twelve places each): `npm run build && node bench/assign-write.js`.
// Each size is a repo from bench/generate-assign.js; cohort.yaml is put back after each --yes. The
// cases alternate round by round; the measure is the ratio of --yes to --dry-run at each size, which
// stays flat when writing grows with the file, and grows with the size when it does not.
// Writes its section of bench/RESULTS.md (between the assign-write markers). BENCH_ROUNDS (3).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeResultsSection } from './synthetic.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const mentor = path.join(root, 'bin/mentor.js');
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const SIZES = [1000, 3000, 6000].map((mentees) => ({ mentees, mentors: mentees / 10, repo: path.join(here, 'out', `assign-list-${mentees}`) }));
const step = (message) => process.stderr.write(`${message}\n`);

for (const size of SIZES) {
  if (existsSync(path.join(size.repo, 'cohorts/big/cohort.yaml'))) continue;
  step(`generating ${size.repo} ...`);
  execFileSync(process.execPath, [path.join(here, 'generate-assign.js'), size.repo, '--mentors', String(size.mentors), '--mentees', String(size.mentees)], { stdio: 'inherit' });
}

function run(args) {
  const started = process.hrtime.bigint();
  const result = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, mentor, ...args], { encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, MENTOR_NOW: '2026-09-07T00:00:00Z' } });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.status !== 0) throw new Error(`mentor ${args.join(' ')} exited ${result.status}:\n${result.stderr.slice(0, 2000)}`);
  return { seconds, mib: Number(result.stderr.trim().split('\n').pop()) / 1024 };
}

const cases = SIZES.flatMap((size) => [
  { size, what: 'dry', args: ['assign', 'big', '--repo', size.repo, '--dry-run'] },
  { size, what: 'yes', args: ['assign', 'big', '--repo', size.repo, '--yes'] },
]);
const samples = new Map(cases.map((c) => [c, []]));
for (let round = 1; round <= rounds; round++) {
  step(`round ${round} of ${rounds}`);
  for (const c of cases) {
    const file = path.join(c.size.repo, 'cohorts/big/cohort.yaml');
    const before = readFileSync(file);
    try {
      samples.get(c).push(run(c.args));
      if (c.what === 'yes' && readFileSync(file).equals(before)) throw new Error(`mentor assign --yes wrote nothing into ${file}`);
    } finally {
      writeFileSync(file, before);
    }
  }
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const stat = (size, what) => {
  const list = samples.get(cases.find((c) => c.size === size && c.what === what));
  return { seconds: median(list.map((s) => s.seconds)), mib: Math.max(...list.map((s) => s.mib)) };
};
const rows = SIZES.map((size) => {
  const dry = stat(size, 'dry');
  const yes = stat(size, 'yes');
  const kb = readFileSync(path.join(size.repo, 'cohorts/big/cohort.yaml')).length / 1024;
  return `| ${size.mentees.toLocaleString('en')} × ${size.mentors.toLocaleString('en')} | ${kb.toFixed(0)} KiB | ${dry.seconds.toFixed(2)} | ${yes.seconds.toFixed(2)} | ${yes.mib.toFixed(0)} | **${(yes.seconds / dry.seconds).toFixed(2)}** |`;
});
const lines = [
  '## Writing a plan: `assign --yes` against `assign --dry-run`',
  '',
  `Produced by \`npm run build && node bench/assign-write.js\` on ${new Date().toISOString().slice(0, 10)}: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}, load average ${os.loadavg()[0].toFixed(1)} at the end.`,
  'Each repo is `node bench/generate-assign.js <dir> --mentors <n/10> --mentees <n>`: one cohort.yaml listing every member, the mentees waiting.',
  `\`mentor assign big --dry-run\` and \`mentor assign big --yes\` (cohort.yaml put back after each), run ${rounds} times, alternating; medians.`,
  '',
  '| mentees × mentors | cohort.yaml | --dry-run (s) | --yes (s) | --yes peak (MiB) | --yes / --dry-run |',
  '| --- | ---: | ---: | ---: | ---: | ---: |',
  ...rows,
  '',
  'The ratio is the cost of writing the plan; flat across sizes means the edit of cohort.yaml grows with the file, not with',
  'placements × file. Before 2026-11-24 each placement rebuilt the whole text: at 6,000, one --yes took 119 s; the fix writes the same bytes in 5.4 s (one run each, by hand).',
];
writeResultsSection('assign-write', lines);
