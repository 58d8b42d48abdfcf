#!/usr/bin/env node
// The pull-request gate at scale: `mentor check-pr` and `mentor validate --changed` on a branch
// that changes one log, side by side with `git diff --name-only` of the same refs (the least any
// gate must do), alternating in one run. Writes its section of bench/RESULTS.md (between the
// pull-request markers). `node bench/pull-request.js [rounds]`; repos come from bench/generate.js.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeResultsSection } from './synthetic.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const mentor = path.join(here, '..', 'bin/mentor.js');
const node = process.execPath;
const rounds = Number(process.argv[2] ?? 5);
const env = { ...process.env, GIT_AUTHOR_NAME: 'bench', GIT_AUTHOR_EMAIL: 'bench@example.com', GIT_COMMITTER_NAME: 'bench', GIT_COMMITTER_EMAIL: 'bench@example.com', MENTOR_NO_CACHE: '1', MENTOR_NOW: '2024-03-01T12:00:00Z' };
const git = (cwd, args) => execFileSync('git', args, { cwd, env, encoding: 'utf8', maxBuffer: 1 << 30 });

/** A generated program on main, and a branch `pr` (checked out) that edits one log of one person. */
function prepare(cohorts, members, weeks) {
  const dir = path.join(here, 'out', `program-${cohorts}x${members}x${weeks}`);
  if (!existsSync(path.join(dir, '.git'))) {
    process.stderr.write(`generating ${dir} ...\n`);
    execFileSync(node, [path.join(here, 'generate.js'), dir, '--cohorts', String(cohorts), '--members', String(members), '--weeks', String(weeks)], { stdio: 'inherit' });
    git(dir, ['init', '-q', '-b', 'main']);
    git(dir, ['add', '-A']);
    git(dir, ['commit', '-q', '-m', 'synthetic program']);
  }
  git(dir, ['checkout', '-q', '-f', 'main']);
  git(dir, ['branch', '-q', '-f', 'pr', 'main']);
  git(dir, ['checkout', '-q', 'pr']);
  const log = git(dir, ['ls-files', 'cohorts/cohort-00/logs/*']).split('\n').find((file) => /\/p0-\d+\//.test(file) && !file.includes('/p0-00000/'));
  const person = log.split('/')[3];
  const github = /^github: (.+)$/m.exec(readFileSync(path.join(dir, 'people', `${person}.yaml`), 'utf8'))?.[1];
  writeFileSync(path.join(dir, log), readFileSync(path.join(dir, log), 'utf8').replace('done: ', 'done: Edited. '));
  git(dir, ['commit', '-q', '-am', 'one log']);
  return { dir, people: cohorts * members, logs: cohorts * members * weeks, github };
}

function seconds(command, args, cwd, expect) {
  const started = process.hrtime.bigint();
  const result = spawnSync(command, args, { cwd, env, encoding: 'utf8', maxBuffer: 1 << 30 });
  if (result.status !== expect) throw new Error(`${command} ${args.join(' ')} exited ${result.status}:\n${result.stdout}\n${result.stderr}`);
  return Number(process.hrtime.bigint() - started) / 1e9;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const runner = path.join(here, '..', 'dist/runner/mentor.mjs');
if (!existsSync(runner)) throw new Error('dist/runner/mentor.mjs is missing: run `npm run build` first');
const gateRows = [];
/** Starting Node, as a multiple of one `git diff`, for each repo. */
const nodeRatios = [];
const changedRows = [];
const ratio = (value, to) => `${value.toFixed(3)} (${(value / to).toFixed(1)}×)`;
for (const [cohorts, members, weeks] of [[3, 1000, 4], [10, 1000, 10]]) {
  const repo = prepare(cohorts, members, weeks);
  if (!repo.github) throw new Error('the generated person has no github handle');
  const checkPr = ['check-pr', '--base', 'main', '--head', 'pr', '--author', repo.github, '--format', 'json'];
  const cases = {
    diff: () => seconds('git', ['diff', '--name-only', 'main', 'pr'], repo.dir, 0),
    // What --changed must ask git at least: what differs from main in the working tree, and what is untracked.
    tree: () => seconds('git', ['diff', '--name-only', 'main'], repo.dir, 0) + seconds('git', ['ls-files', '--others', '--exclude-standard'], repo.dir, 0),
    // The least any Node program costs: starting the runtime.
    node: () => seconds(node, ['-e', '0'], repo.dir, 0),
    checkPr: () => seconds(node, [mentor, ...checkPr], repo.dir, 0),
    gate: () => seconds(node, [runner, ...checkPr], repo.dir, 0),
    changed: () => seconds(node, [mentor, 'validate', '--changed', 'main'], repo.dir, 0),
    changedRunner: () => seconds(node, [runner, 'validate', '--changed', 'main'], repo.dir, 0),
  };
  for (const run of Object.values(cases)) run();
  const samples = Object.fromEntries(Object.keys(cases).map((name) => [name, []]));
  for (let round = 0; round < rounds; round++) for (const [name, run] of Object.entries(cases)) samples[name].push(run());
  const m = Object.fromEntries(Object.entries(samples).map(([name, list]) => [name, median(list)]));
  const label = `${repo.people.toLocaleString('en')} people, ${repo.logs.toLocaleString('en')} logs`;
  nodeRatios.push(m.node / m.diff);
  gateRows.push(`| ${label} | ${m.diff.toFixed(3)} | ${ratio(m.node, m.diff)} | ${ratio(m.checkPr, m.diff)} | ${ratio(m.gate, m.diff)} | ${((m.gate - m.node) / m.diff).toFixed(1)}× |`);
  changedRows.push(`| ${label} | ${m.tree.toFixed(3)} | ${ratio(m.node, m.tree)} | ${ratio(m.changed, m.tree)} | ${ratio(m.changedRunner, m.tree)} | ${((m.changedRunner - m.node) / m.tree).toFixed(1)}× |`);
  git(repo.dir, ['checkout', '-q', '-f', 'main']);
}

/**
 * Big pull requests on the 3,000-person repo: one that edits a log of each of 1,000 people (a
 * maintainer's bulk fix) and one that adds 1,000 people (an import, or a flood of sign-ups).
 */
function bigBranches(dir) {
  git(dir, ['checkout', '-q', '-f', 'main']);
  git(dir, ['checkout', '-q', '-B', 'many-logs', 'main']);
  const firstLogs = new Map();
  for (const file of git(dir, ['ls-files', 'cohorts/cohort-00/logs/*']).split('\n').filter(Boolean)) {
    const person = file.split('/')[3];
    if (!firstLogs.has(person)) firstLogs.set(person, file);
  }
  const edited = [...firstLogs.values()].slice(0, 1000);
  for (const file of edited) writeFileSync(path.join(dir, file), readFileSync(path.join(dir, file), 'utf8').replace('done: ', 'done: Edited. '));
  git(dir, ['commit', '-q', '-am', 'many logs']);
  git(dir, ['checkout', '-q', '-B', 'many-people', 'main']);
  for (let n = 0; n < 1000; n++) writeFileSync(path.join(dir, 'people', `new-${n}.yaml`), `id: new-${n}\nname: New ${n}\ngithub: new-${n}-gh\ntimezone: UTC\n`);
  git(dir, ['add', '-A']);
  git(dir, ['commit', '-q', '-m', 'many people']);
  git(dir, ['checkout', '-q', '-f', 'main']);
  return edited.length;
}
const big = prepare(3, 1000, 4);
const editedLogs = bigBranches(big.dir);
const admin = /maintainers: \[([^\]\s,]+)/.exec(readFileSync(path.join(big.dir, 'mentor.config.yaml'), 'utf8'))?.[1];
if (!admin) throw new Error('the generated config names no maintainer');
const bigCases = {
  logsDiff: () => seconds('git', ['diff', '--name-only', 'main', 'many-logs'], big.dir, 0),
  logsMaintainer: () => seconds(node, [runner, 'check-pr', '--base', 'main', '--head', 'many-logs', '--author', admin, '--format', 'json'], big.dir, 0),
  logsMember: () => seconds(node, [runner, 'check-pr', '--base', 'main', '--head', 'many-logs', '--author', big.github, '--format', 'json'], big.dir, 1),
  peopleDiff: () => seconds('git', ['diff', '--name-only', 'main', 'many-people'], big.dir, 0),
  peopleMaintainer: () => seconds(node, [runner, 'check-pr', '--base', 'main', '--head', 'many-people', '--author', admin, '--format', 'json'], big.dir, 0),
  peopleNewcomer: () => seconds(node, [runner, 'check-pr', '--base', 'main', '--head', 'many-people', '--author', 'new-0-gh', '--format', 'json'], big.dir, 1),
};
for (const run of Object.values(bigCases)) run();
const bigSamples = Object.fromEntries(Object.keys(bigCases).map((name) => [name, []]));
for (let round = 0; round < rounds; round++) for (const [name, run] of Object.entries(bigCases)) bigSamples[name].push(run());
const b = Object.fromEntries(Object.entries(bigSamples).map(([name, list]) => [name, median(list)]));

const lines = [
  '## The pull-request gate and `validate --changed`',
  '',
  `Produced by \`npm run build && node bench/pull-request.js ${rounds}\` on ${new Date().toISOString().slice(0, 10)}: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, Node ${process.version}.`,
  `A branch \`pr\` edits one log; each case ran once to warm up, then the cases alternated for the rounds; medians (wall clock). Load average at the end: ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores; on a shared machine the seconds inflate, and ratios in one run are the measure.`,
  'Each mentor case is set against the git calls it needs, and against starting Node at all (`node -e 0`), which no Node program can go below.',
  '"The gate" is `node .mentor/mentor.mjs check-pr` (the committed runner, as the workflow runs it); "check-pr" is the installed CLI (`bin/mentor.js`, which loads the same bundle, so the two differ by noise). The last column is what the runner costs above starting Node, as a multiple of the git calls.',
  '',
  'check-pr reads base and head from git objects: a few `git ls-tree` calls, one `git grep` for the author\'s handle at the base, and `git cat-file --batch` for the files it needs',
  '(the config, the author\'s person file, the changed log and its cohort); files equal at base and head are read and parsed once, people/ and each cohort folder are listed',
  'once when their tree is the same in both, and git merges base and head and greps for the handle while the base is read. It parses no other person and no other cohort, so its cost barely grows with the program. What is left is fixed: starting Node and loading the runner,',
  'about a dozen git processes (one rev-parse for both refs, merge-tree, diff, ls-tree, grep, cat-file; starting each from Node costs ~10 ms here), and parsing the changed',
  `log's cohort (1,000 members). So the ratio to one \`git diff\` stays far above "a few times": starting Node alone (\`node -e 0\`) is ${Math.min(...nodeRatios).toFixed(0)}× of it or more here.`,
  '',
  '| repo | git diff --name-only main pr (s) | node -e 0 (s, ratio) | check-pr (s, ratio) | the gate (s, ratio) | gate above node start |',
  '| --- | ---: | ---: | ---: | ---: | ---: |',
  ...gateRows,
  '',
  '`validate --changed main` against `git diff --name-only main` plus `git ls-files --others --exclude-standard` (what differs from main in the working tree, and what is untracked),',
  'timed one after the other. mentor starts both at once, before it lists the records, and lists them while git works.',
  '',
  '| repo | git diff + ls-files --others (s) | node -e 0 (s, ratio) | validate --changed (s, ratio) | runner validate --changed (s, ratio) | runner above node start |',
  '| --- | ---: | ---: | ---: | ---: | ---: |',
  ...changedRows,
  '',
  `Big pull requests on the 3,000-person repo, the gate (\`node .mentor/mentor.mjs check-pr\`) as a maintainer (passes) and as the author the pull request is not theirs to make (fails), against \`git diff --name-only\` of the same refs. Before 2026-11-25 the gate listed each person's log folder with its own git processes and searched the person files once per added person: ${editedLogs.toLocaleString('en')} logs took 11 s, 1,000 people 43 s (one run each, same machine).`,
  '',
  '| pull request | git diff --name-only (s) | the gate, maintainer (s, ratio) | the gate, not theirs (s, ratio) |',
  '| --- | ---: | ---: | ---: |',
  `| edits one log of each of ${editedLogs.toLocaleString('en')} people | ${b.logsDiff.toFixed(3)} | ${ratio(b.logsMaintainer, b.logsDiff)} | ${ratio(b.logsMember, b.logsDiff)} |`,
  `| adds 1,000 people | ${b.peopleDiff.toFixed(3)} | ${ratio(b.peopleMaintainer, b.peopleDiff)} | ${ratio(b.peopleNewcomer, b.peopleDiff)} |`,
];
writeResultsSection('pull-request', lines);
