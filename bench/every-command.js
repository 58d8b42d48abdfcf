#!/usr/bin/env node
// Every command of the CLI on generated programs of growing size, as an organiser of a big program
// runs them: `node bench/every-command.js [<cohorts>x<members>x<weeks> ...]` (default 1x1000x10,
// 3x1000x4, 10x1000x10: 1,000, 3,000 and 10,000 people). Each repo comes from bench/generate.js
// (kept in bench/out), each command runs once as of SITE_NOW, and the repo is put back after each
// one that writes. Prints one Markdown table: seconds, peak memory, what the command printed, and
// the seconds as a multiple of a cold validate of the same repo. Run it alone on a quiet machine.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SITE_NOW } from './synthetic.js';

const here = path.dirname(fileURLToPath(import.meta.url));
// BENCH_MENTOR: another build's bin/mentor.js, to set two builds side by side on the same repos.
const mentor = process.env.BENCH_MENTOR ?? path.join(here, '..', 'bin/mentor.js');
const sizes = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['1x1000x10', '3x1000x4', '10x1000x10'];
const gitEnv = { ...process.env, GIT_AUTHOR_NAME: 'bench', GIT_AUTHOR_EMAIL: 'bench@example.com', GIT_COMMITTER_NAME: 'bench', GIT_COMMITTER_EMAIL: 'bench@example.com' };
const git = (dir, args) => execFileSync('git', args, { cwd: dir, env: gitEnv, encoding: 'utf8' });

function prepare(size) {
  const [cohorts, members, weeks] = size.split('x');
  const dir = path.join(here, 'out', `program-${size}`);
  if (!existsSync(path.join(dir, '.git'))) {
    execFileSync(process.execPath, [path.join(here, 'generate.js'), dir, '--cohorts', cohorts, '--members', members, '--weeks', weeks], { stdio: 'inherit' });
    git(dir, ['init', '-q', '-b', 'main']);
    git(dir, ['add', '-A']);
    git(dir, ['commit', '-q', '-m', 'synthetic program']);
  }
  return dir;
}

/** The commands, as of SITE_NOW: the last cohort has just logged its weeks; the first runs on with no end. */
function commands(dir) {
  const last = readdirSync(path.join(dir, 'cohorts')).sort().at(-1);
  const number = Number(last.slice('cohort-'.length));
  const person = `p${number}-00500`;
  const mentorId = `p${number}-00011`;
  const log = git(dir, ['ls-files', `cohorts/${last}/logs/${person}/*`]).trim().split('\n').at(-1);
  const week = path.basename(log, '.yaml');
  return [
    ['validate (cold)', ['validate'], { MENTOR_NO_CACHE: '1' }],
    ['validate (cached)', ['validate']],
    ['validate --changed HEAD', ['validate', '--changed', 'HEAD']],
    ['status', ['status']],
    ['status --format markdown', ['status', '--format', 'markdown']],
    [`tree ${last}`, ['tree', last]],
    [`hours ${last} --week`, ['hours', last, '--week', week]],
    [`report ${last}`, ['report', last], {}, true],
    ['progress', ['progress']],
    [`progress ${person}`, ['progress', person]],
    [`next ${last} --early --yes`, ['next', last, 'next-cohort', '--start', '2026-04-13', '--early', '--yes'], {}, true],
    [`assign ${last} --dry-run --explain`, ['assign', last, '--dry-run', '--explain']],
    ['site', ['site', '--out', path.join(here, 'out', 'every-command-site')]],
    [`log --person ${person}`, ['log', '--person', person, '--week', week, '--hours', 'practice=3', '--force'], {}, true],
    ['request', ['request', '--person', 'newcomer', '--name', 'New Comer', '--github', 'newcomer-gh', '--timezone', 'UTC', '--wants', 'react', '--cohort', last], {}, true],
    [`release + claim ${person}`, ['release', person, '--reason', 'bench', '--cohort', last], {}, false, ['claim', person, '--as', mentorId, '--cohort', last]],
    ['check-pr (one log)', ['check-pr', '--base', 'HEAD~1', '--head', 'HEAD', '--author', `gh-${person}`], {}, false, undefined, log],
    ['pr-summary (one log)', ['pr-summary', '--base', 'HEAD~1', '--head', 'HEAD', '--author', `gh-${person}`], {}, false, undefined, log],
    ['fix --check', ['fix', '--check']],
    [`members ${last} --to files --dry-run`, ['members', last, '--to', 'files', '--dry-run']],
    ['codeowners', ['codeowners'], {}, true],
    ['forms', ['forms'], {}, true],
  ];
}

function run(dir, args, env = {}) {
  const started = process.hrtime.bigint();
  const result = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, mentor, ...args, '--repo', dir], { encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, NO_COLOR: '1', MENTOR_NOW: SITE_NOW, ...env } });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const peakMiB = Number(result.stderr.trim().split('\n').pop()) / 1024;
  return { seconds, peakMiB, status: result.status, bytes: Buffer.byteLength(result.stdout), lines: result.stdout.split('\n').length - 1 };
}

const putBack = (dir) => {
  git(dir, ['checkout', '-q', '--', '.']);
  git(dir, ['clean', '-fdq']);
};

/** Commits an edit of one log on a throwaway commit (for check-pr), and returns how to undo it. */
function withEditedLog(dir, log) {
  const before = git(dir, ['rev-parse', 'HEAD']).trim();
  execFileSync('sed', ['-i', 's/^done: /done: Edited. /', path.join(dir, log)]);
  git(dir, ['commit', '-q', '-am', 'edit one log']);
  return () => git(dir, ['reset', '-q', '--hard', before]);
}

const results = new Map();
for (const size of sizes) {
  const dir = prepare(size);
  for (const [name, args, env, writes, then, log] of commands(dir)) {
    const undo = log ? withEditedLog(dir, log) : undefined;
    let result = run(dir, args, env);
    if (then) {
      // release, then claim the released member back: the two writes of a match that ends early.
      git(dir, ['commit', '-q', '--allow-empty', '-am', 'released']);
      const claimed = run(dir, then);
      result = { ...claimed, seconds: result.seconds + claimed.seconds, peakMiB: Math.max(result.peakMiB, claimed.peakMiB) };
      git(dir, ['reset', '-q', '--hard', 'HEAD~1']);
    }
    if (args[0] === 'report') {
      // What GitHub has to show: the Markdown report (a pull request shows no diff of a file past 500 KB).
      const folder = path.join(dir, 'reports', args[1]);
      const markdown = readdirSync(folder).find((file) => file.endsWith('.md'));
      result.written = `${markdown}: ${(statSync(path.join(folder, markdown)).size / 1024).toFixed(0)} KiB`;
    }
    if (writes) putBack(dir);
    undo?.();
    process.stderr.write(`${size} ${name}: ${result.seconds.toFixed(2)} s, exit ${result.status}\n`);
    const key = name.replace(/cohort-\d+/, '<last>').replace(/p\d+-00500/, '<person>');
    if (!results.has(key)) results.set(key, {});
    results.get(key)[size] = result;
  }
}

const cold = Object.fromEntries(sizes.map((size) => [size, results.get('validate (cold)')[size].seconds]));
const header = ['command', ...sizes.flatMap((size) => [`${size} (s)`, '× validate', 'MiB', 'printed'])];
const lines = [`| ${header.join(' | ')} |`, `| ${header.map((_, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`];
for (const [name, bySize] of results) {
  const cells = sizes.flatMap((size) => {
    const r = bySize[size];
    return [r.seconds.toFixed(2) + (r.status === 0 ? '' : ` (exit ${r.status})`), (r.seconds / cold[size]).toFixed(2), r.peakMiB.toFixed(0), `${(r.bytes / 1024).toFixed(0)} KiB, ${r.lines} lines${r.written ? `; wrote ${r.written}` : ''}`];
  });
  lines.push(`| ${name} | ${cells.join(' | ')} |`);
}
process.stdout.write(`${lines.join('\n')}\n`);
