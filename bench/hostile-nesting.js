#!/usr/bin/env node
// Hostile nesting against a normal file of the same size: `node bench/hostile-nesting.js` (after
// `npm run build`). A 1 MB log of `[[[...]]]` (and ten of them) is validated in the example repo,
// and so is a normal 1 MB log (a long list of pull requests); the cost of the hostile case is given
// as a ratio to the normal one, wall time and peak memory, for the CLI and for the parse alone.
// Writes its section of bench/RESULTS.md (between the hostile-nesting markers).
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeResultsSection } from './synthetic.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const out = path.join(here, 'out', 'nesting');
const mentor = path.join(root, 'bin/mentor.js');
const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
const SIZE = 1_000_000;

const hostileLog = (week) => {
  const head = `person: bob\nweek: 2026-W${week}\nhours: `;
  const depth = Math.floor((SIZE - head.length - 1) / 2);
  return `${head}${'['.repeat(depth)}${']'.repeat(depth)}\n`;
};
/** A log whose `hours` holds tens of thousands of keys (each a warning), or one key written again and again (each an error). */
const keysLog = (key) => (week) => {
  let text = `person: bob\nweek: 2026-W${week}\nhours:\n`;
  for (let n = 0; text.length < SIZE - 20; n++) text += `  ${key(n)}: 1\n`;
  return text;
};
const manyKeysLog = keysLog((n) => `a${n}`);
const repeatedKeyLog = keysLog(() => 'practice');

const normalLog = (week) => {
  const lines = [`person: bob\nweek: 2026-W${week}\nhours:\n  practice: 3\npullRequests:\n`];
  let size = lines[0].length;
  for (let n = 1; size < SIZE; n++) {
    const line = `  - https://github.com/bob/todo-app/pull/${n}\n`;
    lines.push(line);
    size += line.length;
  }
  return lines.join('').slice(0, SIZE - 1).replace(/\n[^\n]*$/, '\n');
};

function repoWith(name, make, files) {
  const dir = path.join(out, name);
  rmSync(dir, { recursive: true, force: true });
  cpSync(path.join(root, 'examples/web-cohort'), dir, { recursive: true });
  for (let n = 0; n < files; n++) writeFileSync(path.join(dir, `cohorts/2026-fall/logs/bob/2026-W${37 + n}.yaml`), make(37 + n));
  return dir;
}

/** Wall seconds and peak resident memory (MiB) of one run of the CLI. */
function runCli(repo) {
  const started = process.hrtime.bigint();
  const result = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, mentor, 'validate', '--repo', repo, '--format', 'json'], {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
    env: { ...process.env, MENTOR_NO_CACHE: '1' },
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.status !== 0 && result.status !== 1) throw new Error(`validate exited ${result.status}: ${result.stderr}`);
  return { seconds, mib: Number(result.stderr.trim().split('\n').pop()) / 1024 };
}

/** Seconds and heap growth (MiB) of parsing one text with positions, in a fresh process. */
function parseAlone(make) {
  const script = `
    const { YamlSource } = await import(${JSON.stringify(path.join(root, 'dist/model/source.js'))});
    const text = (await import('node:fs')).readFileSync(process.env.BENCH_TEXT, 'utf8');
    globalThis.gc?.();
    const heap = process.memoryUsage().heapUsed;
    const started = process.hrtime.bigint();
    const source = new YamlSource('log.yaml', text);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const grown = (process.memoryUsage().heapUsed - heap) / 1048576;
    console.log(JSON.stringify({ seconds, mib: grown, problems: source.problems.map((p) => p.rule + '@' + p.line + ':' + p.column) }));`;
  const file = path.join(out, 'text.yaml');
  writeFileSync(file, make(40));
  const result = spawnSync(process.execPath, ['--expose-gc', '--input-type=module', '-e', script], { encoding: 'utf8', env: { ...process.env, BENCH_TEXT: file } });
  if (result.status !== 0) throw new Error(result.stderr);
  return JSON.parse(result.stdout);
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

if (!existsSync(path.join(root, 'dist/model/source.js'))) throw new Error('run `npm run build` first');
mkdirSync(out, { recursive: true });
const cases = [];
for (const files of [1, 10]) {
  const normal = repoWith(`normal-${files}`, normalLog, files);
  const hostile = repoWith(`hostile-${files}`, hostileLog, files);
  const runs = { normal: [], hostile: [] };
  runCli(normal), runCli(hostile); // warm-up
  for (let round = 0; round < rounds; round++) {
    runs.normal.push(runCli(normal));
    runs.hostile.push(runCli(hostile));
  }
  const summary = (list) => ({ seconds: median(list.map((r) => r.seconds)), mib: Math.max(...list.map((r) => r.mib)) });
  cases.push({ name: `mentor validate, example repo + ${files} log${files === 1 ? '' : 's'} of 1 MB`, normal: summary(runs.normal), hostile: summary(runs.hostile) });
}
for (const [what, make] of [
  ['80,000 different keys', manyKeysLog],
  ['one key written 110,000 times', repeatedKeyLog],
]) {
  const normal = path.join(out, 'normal-1');
  const hostile = repoWith(`keys-${make === manyKeysLog ? 'many' : 'repeated'}`, make, 1);
  const runs = { normal: [], hostile: [] };
  for (let round = 0; round < rounds; round++) {
    runs.normal.push(runCli(normal));
    runs.hostile.push(runCli(hostile));
  }
  const summary = (list) => ({ seconds: median(list.map((r) => r.seconds)), mib: Math.max(...list.map((r) => r.mib)) });
  cases.push({ name: `mentor validate, example repo + 1 log of 1 MB: ${what} (hostile) against pull requests (normal)`, normal: summary(runs.normal), hostile: summary(runs.hostile) });
}
const parseRuns = { normal: [], hostile: [] };
for (let round = 0; round < rounds; round++) {
  parseRuns.normal.push(parseAlone(normalLog));
  parseRuns.hostile.push(parseAlone(hostileLog));
}
const parseSummary = (list) => ({ seconds: median(list.map((r) => r.seconds)), mib: Math.max(...list.map((r) => r.mib)) });
cases.push({ name: 'parse one 1 MB log with positions (in process)', normal: parseSummary(parseRuns.normal), hostile: parseSummary(parseRuns.hostile) });

const fixed = (n, digits = 3) => n.toFixed(digits);
const cpus = os.cpus();
const lines = [
  '## Hostile nesting',
  '',
  `Produced by \`npm run build && node bench/hostile-nesting.js\` on ${new Date().toISOString().slice(0, 10)}: ${cpus.length} × ${cpus[0]?.model.trim() ?? 'CPU'}, Node ${process.version}.`,
  `The hostile log is \`hours: [[[...]]]\` (${SIZE.toLocaleString('en')} bytes, nested ${Math.floor(SIZE / 2).toLocaleString('en')} deep); the normal log is the same size, a list of pull requests.`,
  `Each case ran ${rounds} times after a warm-up, alternating; times are medians, memory the peak (resident set for the CLI, heap growth for the parse).`,
  `The hostile log is refused as \`${parseRuns.hostile[0].problems.join(', ')}\` (rule@line:column), before any parser sees it.`,
  '',
  '| case | normal (s) | hostile (s) | time ratio | normal (MiB) | hostile (MiB) | memory ratio |',
  '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
  ...cases.map((c) => `| ${c.name} | ${fixed(c.normal.seconds)} | ${fixed(c.hostile.seconds)} | ${fixed(c.hostile.seconds / c.normal.seconds, 2)} | ${fixed(c.normal.mib, 1)} | ${fixed(c.hostile.mib, 1)} | ${fixed(c.hostile.mib / Math.max(c.normal.mib, 0.1), 2)} |`),
  '',
  'Before the depth limit (issue 18), one such log took 4 s and 630 MB, and ten took 42 s and 2.2 GB.',
  'Before keys were counted in one pass (model/repeated-keys.ts, 2026-11-25), the `yaml` parser compared each key with every earlier one: the log of 80,000 keys ran past 60 s (stopped there), and a person file of 60,000 keys took 34 s.',
];
writeResultsSection('hostile-nesting', lines);
