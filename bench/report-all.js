#!/usr/bin/env node
// CI's check of the committed reports (mentor.yml, job `generated`): one `report --all --check`
// against one `report <cohort> --week <w> --check` per report, as the job ran before, side by side
// in one run. Writes its section of bench/RESULTS.md (between the report-all markers).
// `node bench/report-all.js [rounds] [weeks]`; the repo comes from bench/generate.js (10,000 people).
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeResultsSection } from './synthetic.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const runner = path.join(here, '..', 'dist/runner/mentor.mjs');
if (!existsSync(runner)) throw new Error('dist/runner/mentor.mjs is missing: run `npm run build` first');
const node = process.execPath;
const rounds = Number(process.argv[2] ?? 3);
const weeks = Number(process.argv[3] ?? 10);
const env = { ...process.env, MENTOR_NO_CACHE: '1', MENTOR_NOW: '2024-03-20T12:00:00Z' };

const source = path.join(here, 'out', 'program-10x1000x10');
if (!existsSync(path.join(source, 'mentor.config.yaml'))) {
  process.stderr.write(`generating ${source} ...\n`);
  execFileSync(node, [path.join(here, 'generate.js'), source, '--cohorts', '10', '--members', '1000', '--weeks', '10'], { stdio: 'inherit' });
}
// A copy, so the reports written here never reach the repo other benches share.
const dir = path.join(here, 'out', 'report-all');
rmSync(dir, { recursive: true, force: true });
cpSync(source, dir, { recursive: true, filter: (file) => !file.includes(`${path.sep}.git`) });

const run = (args, expect = 0) => {
  const started = process.hrtime.bigint();
  const result = spawnSync(node, [runner, ...args], { cwd: dir, env, encoding: 'utf8', maxBuffer: 1 << 30 });
  if (result.status !== expect) throw new Error(`mentor ${args.join(' ')} exited ${result.status}:\n${result.stdout}\n${result.stderr}`);
  return Number(process.hrtime.bigint() - started) / 1e9;
};
// The first `weeks` weeks of cohort-00, each written as `mentor report` writes it.
const reports = Array.from({ length: weeks }, (_, i) => ({ cohort: 'cohort-00', week: `2024-W${String(i + 1).padStart(2, '0')}` }));
for (const { cohort, week } of reports) run(['report', cohort, '--week', week]);

const cases = {
  each: () => reports.reduce((sum, { cohort, week }) => sum + run(['report', cohort, '--week', week, '--check']), 0),
  all: () => run(['report', '--all', '--check']),
};
for (const once of Object.values(cases)) once();
const samples = { each: [], all: [] };
for (let round = 0; round < rounds; round++) for (const [name, once] of Object.entries(cases)) samples[name].push(once());
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const each = median(samples.each);
const all = median(samples.all);
rmSync(dir, { recursive: true, force: true });

writeResultsSection('report-all', [
  '## Checking the committed reports: `report --all --check`',
  '',
  `Produced by \`npm run build && node bench/report-all.js ${rounds} ${weeks}\` on ${new Date().toISOString().slice(0, 10)}: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, Node ${process.version}, load average ${os.loadavg()[0].toFixed(1)} at the end.`,
  `A copy of the 10,000-person program (bench/generate.js, 10 cohorts × 1,000 members × 10 weeks) with ${weeks} weekly reports of one cohort written. The committed runner, no cache;`,
  'one warm-up, then the two cases alternated for the rounds; medians (wall clock).',
  '',
  '| committed reports | one `report <cohort> --week <w> --check` each (s) | one `report --all --check` (s) | ratio |',
  '| ---: | ---: | ---: | ---: |',
  `| ${weeks} | ${each.toFixed(2)} | ${all.toFixed(2)} | **${(all / each).toFixed(2)}** |`,
  '',
  "Before 2026-11-25 the job `generated` of mentor.yml ran the first case on every push: each run read the whole program again. It now runs the second, which reads it once and each cohort's logs once.",
]);
