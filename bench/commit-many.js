#!/usr/bin/env node
// What --commit adds to a command that writes many files in a big repo: `mentor assign big --yes`
// against `mentor assign big --yes --commit`, placing 3,000 mentees kept as member files (one file
// each), in a cohort folder that also holds 100,000 other files (notes: mentor warns of the folder and
// reads none of them; a big cohort's logs would cost the same, and its records much more to make): `npm run build && node bench/commit-many.js`. The repo is put back after each run
// (files restored, branch deleted); the cases alternate round by round; the measure is the ratio.
// Writes its section of bench/RESULTS.md (between the commit-many markers). BENCH_ROUNDS (3).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeResultsSection } from './synthetic.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const mentor = path.join(root, 'bin/mentor.js');
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const repo = path.join(here, 'out', 'commit-many');
const program = path.join(repo, 'program');
const OTHER_FILES = 100_000;
const gitEnv = { ...process.env, GIT_AUTHOR_NAME: 'bench', GIT_AUTHOR_EMAIL: 'bench@example.com', GIT_COMMITTER_NAME: 'bench', GIT_COMMITTER_EMAIL: 'bench@example.com' };
const git = (...args) => execFileSync('git', args, { cwd: repo, env: gitEnv, encoding: 'utf8', maxBuffer: 1 << 30 });
const step = (message) => process.stderr.write(`${message}\n`);

if (!existsSync(path.join(repo, '.git'))) {
  step(`generating ${repo} ...`);
  execFileSync(process.execPath, [path.join(here, 'generate-assign.js'), program, '--mentors', '300', '--mentees', '3000', '--member-files'], { stdio: 'inherit' });
  for (let i = 0; i < OTHER_FILES; i++) {
    // Ten a folder, as a cohort's logs are (a folder per person): git walks each folder too.
    const dir = path.join(program, 'cohorts/big/notes', String(Math.floor(i / 10)));
    if (i % 10 === 0) mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, `${i}.txt`), `${i}\n`);
  }
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-q', '-m', 'a big repo');
}

function run(args) {
  const started = process.hrtime.bigint();
  const result = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, mentor, ...args], { encoding: 'utf8', maxBuffer: 1 << 30, env: { ...gitEnv, MENTOR_NOW: '2026-09-07T00:00:00Z' } });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.status !== 0) throw new Error(`mentor ${args.join(' ')} exited ${result.status}:\n${result.stderr.slice(0, 2000)}`);
  return { seconds, mib: Number(result.stderr.trim().split('\n').pop()) / 1024 };
}

function putBack() {
  git('switch', '-q', 'main');
  for (const branch of git('branch', '--format=%(refname:short)').split('\n').filter((name) => name.startsWith('assign/'))) git('branch', '-q', '-D', branch);
  git('checkout', '-q', '--', '.');
}

const cases = [
  { what: 'write', args: ['assign', 'big', '--repo', program, '--yes'] },
  { what: 'commit', args: ['assign', 'big', '--repo', program, '--yes', '--commit'] },
];
const samples = new Map(cases.map((c) => [c, []]));
for (let round = 1; round <= rounds; round++) {
  step(`round ${round} of ${rounds}`);
  for (const c of cases) {
    try {
      samples.get(c).push(run(c.args));
      const changed = c.what === 'commit' ? git('show', '--name-only', '--format=', 'HEAD') : git('status', '--porcelain');
      if (changed.split('\n').filter(Boolean).length < 3000) throw new Error(`mentor ${c.args.join(' ')} did not write 3,000 files:\n${changed.slice(0, 500)}`);
    } finally {
      putBack();
    }
  }
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const stat = (what) => {
  const list = samples.get(cases.find((c) => c.what === what));
  return { seconds: median(list.map((s) => s.seconds)), mib: Math.max(...list.map((s) => s.mib)) };
};
const write = stat('write');
const commit = stat('commit');
const lines = [
  '## --commit of many files in a big repo',
  '',
  `Produced by \`npm run build && node bench/commit-many.js\` on ${new Date().toISOString().slice(0, 10)}: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}, load average ${os.loadavg()[0].toFixed(1)} at the end.`,
  `The repo: \`program/\` from \`node bench/generate-assign.js program --mentors 300 --mentees 3000 --member-files\`, and ${OTHER_FILES.toLocaleString('en')} other committed files in \`program/cohorts/big/notes/\`, ten a folder.`,
  `Each command places the 3,000 waiting mentees, one member file each; ${rounds} runs each, alternating, the repo put back after each; medians.`,
  '',
  '| command | median (s) | peak (MiB) | ratio |',
  '| --- | ---: | ---: | ---: |',
  `| \`mentor assign big --yes\` | ${write.seconds.toFixed(2)} | ${write.mib.toFixed(0)} | 1.00 |`,
  `| \`mentor assign big --yes --commit\` | ${commit.seconds.toFixed(2)} | ${commit.mib.toFixed(0)} | **${(commit.seconds / write.seconds).toFixed(2)}** |`,
  '',
  'Before 2026-11-24, git was given every member file of the cohort as a pathspec (`git status`, `git add`, `git commit -- <paths>`), and git',
  'matches each against every file of the index and every folder it walks: in a program of 10,000 member files and 100,000 logs, --commit',
  "took 44.5 s where the write took 3.2 s; on this bench's repo, 14.2 s against 9.0 s after the change (one run each, by hand, 2026-11-24).",
  'Now the paths go to `git update-index`, and status is asked once about the program folder and filtered.',
];
writeResultsSection('commit-many', lines);
