#!/usr/bin/env node
// `node bench/site.js [rounds]`: mentor site against a cold mentor validate of the same generated
// program repo (10,000 people, 100,000 logs), alternating in one run; prints the medians and the
// ratio. The full `npm run bench` measures the same case among the others.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SITE_NOW } from './synthetic.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const mentor = path.join(here, '../bin/mentor.js');
const program = path.join(here, 'out/program-10x1000x10');
const rounds = Number(process.argv[2] ?? 5);

if (!existsSync(program)) execFileSync(process.execPath, [path.join(here, 'generate.js'), program], { stdio: 'inherit' });

function seconds(args, env) {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, [mentor, ...args], { env: { ...process.env, ...env }, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`mentor ${args.join(' ')} exited ${result.status}:\n${result.stderr}`);
  return Number(process.hrtime.bigint() - started) / 1e9;
}

const cases = {
  'mentor validate (cold: no cache)': () => seconds(['validate', '--repo', program], { MENTOR_NO_CACHE: '1' }),
  'mentor site (index and 10 cohort pages)': () => seconds(['site', '--repo', program, '--out', path.join(here, 'out/site')], { MENTOR_NOW: SITE_NOW }),
};
for (const run of Object.values(cases)) run();
const samples = Object.fromEntries(Object.keys(cases).map((name) => [name, []]));
for (let round = 0; round < rounds; round++) for (const [name, run] of Object.entries(cases)) samples[name].push(run());
const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
const [validate, site] = Object.values(samples).map(median);
console.log(`| case | median (s) |\n| --- | ---: |\n| mentor validate (cold: no cache) | ${validate.toFixed(3)} |\n| mentor site (index and 10 cohort pages) | ${site.toFixed(3)} |`);
console.log(`\nsite / cold validate: ${(site / validate).toFixed(2)} (${rounds} rounds, medians)`);
