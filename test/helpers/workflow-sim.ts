import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { condition, interpolate, type ExpressionContext, type Value } from './workflow-expr.js';
import { GIT_ENV } from './repo.js';

// A simulator of GitHub Actions for the workflows `mentor init` writes. It reads the workflow file
// from the commit GitHub would take it from (the default branch for pull_request_target, whatever
// the base, and for workflow_run; the merge commit for pull_request), and runs each job's steps in order: `run:`
// under bash with GitHub's environment (GITHUB_EVENT_PATH holding the event payload, GITHUB_OUTPUT,
// GITHUB_ENV, GITHUB_STEP_SUMMARY, ...), `${{ }}` evaluated from the payload and step outputs,
// `actions/checkout` as a real git fetch and checkout of the ref it would check out from the bare
// `origin`, `actions/setup-node` as the node on PATH, and `gh` as a recording stand-in.
// What it cannot show: GitHub's permissions and tokens themselves, branch protection, fork
// approval prompts, and the real API's answers (the stand-in's are canned).

export interface SimStep {
  name: string;
  ran: boolean;
  code: number;
  stdout: string;
  stderr: string;
}

export interface WorkflowCommand {
  command: string;
  properties: string;
  message: string;
}

export interface SimJob {
  ran: boolean;
  succeeded: boolean;
  steps: SimStep[];
  summary: string;
  /** `::command ...::` lines the runner would obey, on stdout or stderr (not those inside ::stop-commands::). */
  commands: WorkflowCommand[];
}

export interface SimRun {
  jobs: Record<string, SimJob>;
}

export interface SimEvent {
  name: string;
  payload: Record<string, Value>;
  /** GITHUB_SHA and GITHUB_REF as GitHub sets them for this event. */
  sha: string;
  ref: string;
  /** The commit whose .github/workflows/ GitHub runs. */
  workflowSha: string;
}

export interface SimWorld {
  /** The bare repository standing for the repo on GitHub. */
  origin: string;
  repository: string;
  ghState: string;
  ghLog: string;
  binDir: string;
  env: Record<string, string>;
}

/** A bin folder holding the `gh` stand-in, and its state and log files. */
export function ghStandIn(dir: string, routes: Record<string, Value>): Pick<SimWorld, 'ghState' | 'ghLog' | 'binDir'> {
  const binDir = path.join(dir, 'bin');
  writeGh(binDir, 'api');
  const ghState = path.join(dir, 'gh-state.json');
  const ghLog = path.join(dir, 'gh-log.jsonl');
  writeFileSync(ghState, JSON.stringify({ routes, statuses: [], nextId: 1000 }));
  writeFileSync(ghLog, '');
  return { ghState, ghLog, binDir };
}

/**
 * Writes `gh` into binDir: a bash script that has the test process's stand-in server
 * (gh-server.mjs) answer with the stub `api` (gh-stub.mjs) or `issues` (gh-issues-stub.mjs), and
 * prints the answer and exits with its code, as the stub run as a program of its own did.
 */
export function writeGh(binDir: string, stub: 'api' | 'issues'): void {
  mkdirSync(binDir, { recursive: true });
  const script = `#!/usr/bin/env bash
# The gh stand-in: the stub \`${stub}\` answers, in test/helpers/gh-server.mjs on port ${ghServerPort()}.
export LC_ALL=C
exec 3<>/dev/tcp/127.0.0.1/${ghServerPort()} || { echo 'gh stand-in: its server has gone' >&2; exit 70; }
stdin=
previous=
for arg in "$@"; do
  if [ "$previous" = --input ] && [ "$arg" = - ]; then IFS= read -r -d '' stdin; fi
  previous=$arg
done
env=()
for name in GH_TOKEN GITHUB_REPOSITORY GH_STUB_STATE GH_STUB_LOG GH_ISSUES_STATE; do
  if [ -n "\${!name+set}" ]; then env+=("$name=\${!name}"); fi
done
fields=(${stub} "$PWD" "$stdin" "\${#env[@]}" "\${env[@]}" "$@")
{
  printf '%d\\n' "\${#fields[@]}"
  for field in "\${fields[@]}"; do printf '%d\\n%s' "\${#field}" "$field"; done
} >&3
IFS=' ' read -r code length <&3
out=
if [ "$length" -gt 0 ]; then IFS= read -r -N "$length" out <&3; fi
IFS= read -r -d '' err <&3
printf '%s' "$out"
printf '%s' "$err" >&2
exit "$code"
`;
  writeFileSync(path.join(binDir, 'gh'), script);
  chmodSync(path.join(binDir, 'gh'), 0o755);
  // A run's waits (the gate tries its verdict again after 5 and 15 s) pass at once here: what a
  // test reads is what the run does after them, and GitHub's runner waits for real.
  writeFileSync(path.join(binDir, 'sleep'), '#!/usr/bin/env bash\nexit 0\n');
  chmodSync(path.join(binDir, 'sleep'), 0o755);
}

let serverPort: number | undefined;
const pause = new Int32Array(new SharedArrayBuffer(4));

/** The port of this test process's gh stand-in server, started on first use; it ends with the process. */
function ghServerPort(): number {
  if (serverPort !== undefined) return serverPort;
  const portFile = path.join(realpathSync(mkdtempSync(path.join(tmpdir(), 'mentor-gh-'))), 'port');
  const server = spawn(process.execPath, [path.join(import.meta.dirname, 'gh-server.mjs'), portFile], { stdio: ['pipe', 'ignore', 'inherit'] });
  server.unref();
  (server.stdin as unknown as { unref(): void }).unref();
  const deadline = Date.now() + 30_000;
  while (!existsSync(portFile)) {
    if (Date.now() > deadline || server.exitCode !== null) throw new Error('workflow-sim: the gh stand-in server did not start');
    Atomics.wait(pause, 0, 0, 20);
  }
  serverPort = Number(readFileSync(portFile, 'utf8'));
  rmSync(path.dirname(portFile), { recursive: true, force: true });
  return serverPort;
}

/** The workflow file as it is in the commit GitHub would run it from. */
export function workflowAt(world: SimWorld, sha: string, file: string): any {
  return parse(execFileSync('git', ['--git-dir', world.origin, 'show', `${sha}:.github/workflows/${file}`], { encoding: 'utf8' }));
}

/**
 * Runs the workflow's jobs (with `only`, just those jobs: a test that reads one job need not wait
 * for the others). `cancelAfter`: the run is cancelled once the step of that name has finished
 * (a newer run of its concurrency group, or someone pressing Cancel): as on GitHub, only the
 * steps whose `if:` holds on a cancelled run (always(), cancelled()) run after it.
 */
export function runWorkflow(world: SimWorld, file: string, event: SimEvent, only?: string[], cancelAfter?: string): SimRun {
  if (spawnSync('jq', ['--version']).status !== 0) throw new Error('workflow-sim: jq is not installed (GitHub runners have it): apt-get install jq');
  const workflow = workflowAt(world, event.workflowSha, file);
  if (!triggeredBy(workflow, event)) return { jobs: {} };
  // Each run's clones go as soon as it ends: the run keeps what the tests read (outputs, logs, summaries).
  const dir = realpathSync(mkdtempSync(path.join(tmpdir(), 'mentor-run-')));
  try {
    return runJobs(world, workflow, event, dir, only, cancelAfter);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Whether GitHub starts the workflow for the event, by its `on:`: the event is named there, its
 * action is among `types:` when those are given, and a push's branch matches `branches:` (a name,
 * or a glob of `*` within a path segment and `**` across them).
 */
export function triggeredBy(workflow: any, event: SimEvent): boolean {
  const on = typeof workflow.on === 'string' ? { [workflow.on]: null } : Array.isArray(workflow.on) ? Object.fromEntries(workflow.on.map((name: string) => [name, null])) : workflow.on;
  if (!(event.name in on)) return false;
  const filter = on[event.name] ?? {};
  if (Array.isArray(filter.types) && !filter.types.includes(event.payload.action)) return false;
  if (event.name === 'push' && Array.isArray(filter.branches)) {
    const branch = event.ref.replace(/^refs\/heads\//, '');
    const glob = (pattern: string) => new RegExp(`^${pattern.split('**').map((part) => part.split('*').map((text) => text.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('[^/]*')).join('.*')}$`);
    if (!filter.branches.some((pattern: string) => glob(pattern).test(branch))) return false;
  }
  return true;
}

function runJobs(world: SimWorld, workflow: any, event: SimEvent, dir: string, only: string[] | undefined, cancelAfter: string | undefined): SimRun {
  const eventPath = path.join(dir, 'event.json');
  writeFileSync(eventPath, JSON.stringify(event.payload));
  const runId = String(Math.floor(Math.random() * 1e9));
  const github: Record<string, Value> = {
    event: event.payload,
    event_name: event.name,
    repository: world.repository,
    sha: event.sha,
    ref: event.ref,
    // The short name GitHub gives the ref: the branch or tag (for a pull request, `<number>/merge`).
    ref_name: event.ref.replace(/^refs\/(heads|tags|pull)\//, ''),
    token: 'ghs_simulated_token',
    run_id: runId,
    server_url: 'https://github.com',
    workspace: path.join(dir, 'workspace'),
  };
  const run: SimRun = { jobs: {} };
  for (const [jobName, job] of Object.entries<any>(workflow.jobs)) {
    if (only && !only.includes(jobName)) continue;
    run.jobs[jobName] = runJob(world, workflow, job, { github, eventPath, dir: path.join(dir, jobName), event, runId, cancelAfter });
  }
  return run;
}

interface JobInput {
  github: Record<string, Value>;
  eventPath: string;
  dir: string;
  event: SimEvent;
  runId: string;
  cancelAfter?: string;
}

function runJob(world: SimWorld, workflow: any, job: any, input: JobInput): SimJob {
  const workspace = path.join(input.dir, 'workspace');
  const temp = path.join(input.dir, 'temp');
  mkdirSync(workspace, { recursive: true });
  mkdirSync(temp, { recursive: true });
  const steps: Record<string, { outputs: Record<string, string>; outcome: string }> = {};
  const addedEnv: Record<string, string> = {};
  const result: SimJob = { ran: false, succeeded: true, steps: [], summary: '', commands: [] };
  let cancelled = false;
  const context = (): ExpressionContext => ({
    contexts: { github: { ...input.github, workspace }, env: { ...world.env, ...addedEnv }, steps, secrets: { GITHUB_TOKEN: 'ghs_simulated_token' }, runner: { temp, os: 'Linux' }, vars: {} },
    jobSucceeded: result.succeeded,
    jobCancelled: cancelled,
  });
  if (!condition(job.if, context())) return result;
  result.ran = true;
  const expand = (env: Record<string, unknown> | undefined) => Object.fromEntries(Object.entries(env ?? {}).map(([key, value]) => [key, interpolate(String(value), context())]));
  const workflowEnv = expand(workflow.env);
  const jobEnv = expand(job.env);

  for (const [index, step] of (job.steps as any[]).entries()) {
    const name = step.name ?? step.uses ?? `step ${index + 1}`;
    if (!condition(step.if, context())) {
      result.steps.push({ name, ran: false, code: 0, stdout: '', stderr: '' });
      continue;
    }
    const files = { output: path.join(temp, `output-${index}`), env: path.join(temp, `env-${index}`), summary: path.join(temp, `summary-${index}`) };
    for (const file of Object.values(files)) writeFileSync(file, '');
    const env: Record<string, string> = {
      ...world.env,
      PATH: `${world.binDir}:${path.dirname(process.execPath)}:/usr/local/bin:/usr/bin:/bin`,
      HOME: input.dir,
      CI: 'true',
      GITHUB_ACTIONS: 'true',
      GITHUB_EVENT_NAME: input.event.name,
      GITHUB_EVENT_PATH: input.eventPath,
      GITHUB_REPOSITORY: world.repository,
      GITHUB_SHA: input.event.sha,
      GITHUB_REF: input.event.ref,
      GITHUB_REF_NAME: String(input.github.ref_name),
      GITHUB_RUN_ID: input.runId,
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_API_URL: 'https://api.github.com',
      GITHUB_WORKSPACE: workspace,
      GITHUB_OUTPUT: files.output,
      GITHUB_ENV: files.env,
      GITHUB_STEP_SUMMARY: files.summary,
      RUNNER_TEMP: temp,
      RUNNER_OS: 'Linux',
      GH_STUB_STATE: world.ghState,
      GH_STUB_LOG: world.ghLog,
      // A runner has no git identity of its own: a workflow that commits sets one (git config).
      ...RUNNER_GIT_ENV,
      ...workflowEnv,
      ...jobEnv,
      ...addedEnv,
      ...expand(step.env),
    };
    const outcome = step.uses ? runAction(world, step, input.event, workspace, context()) : runScript(String(step.run), shellOf(workflow, job, step), workspace, env, temp, index);
    result.steps.push({ name, ran: true, ...outcome });
    // The runner obeys commands on both streams (a `gh` error echoed to stderr included).
    result.commands.push(...workflowCommands(outcome.stdout), ...workflowCommands(outcome.stderr));
    result.summary += readFileSync(files.summary, 'utf8');
    Object.assign(addedEnv, readKeyValues(readFileSync(files.env, 'utf8')));
    if (step.id) steps[step.id] = { outputs: readKeyValues(readFileSync(files.output, 'utf8')), outcome: outcome.code === 0 ? 'success' : 'failure' };
    if (outcome.code !== 0 && !step['continue-on-error']) result.succeeded = false;
    if (name === input.cancelAfter) cancelled = true;
  }
  // A cancelled run is not a success (failure() stays false for it unless a step failed, as on GitHub).
  if (cancelled) result.succeeded = false;
  return result;
}

const { GIT_AUTHOR_NAME: _an, GIT_AUTHOR_EMAIL: _ae, GIT_COMMITTER_NAME: _cn, GIT_COMMITTER_EMAIL: _ce, ...RUNNER_GIT_ENV } = GIT_ENV;

/**
 * The shell a `run:` step gets, as the runner on Linux starts it: `shell: bash` (on the step, or as
 * the job's or workflow's `defaults.run.shell`) is `bash --noprofile --norc -eo pipefail {0}`; no
 * shell named is `bash -e {0}`, without pipefail (a failed `gh` on the left of a pipe goes unseen).
 */
function shellOf(workflow: any, job: any, step: any): string[] {
  const shell = step.shell ?? job.defaults?.run?.shell ?? workflow.defaults?.run?.shell;
  if (shell === undefined) return ['-e'];
  if (shell === 'bash') return ['--noprofile', '--norc', '-eo', 'pipefail'];
  throw new Error(`workflow-sim: shell ${String(shell)} is not simulated`);
}

function runScript(script: string, shell: string[], cwd: string, env: Record<string, string>, temp: string, index: number): Omit<SimStep, 'name' | 'ran'> {
  const file = path.join(temp, `step-${index}.sh`);
  writeFileSync(file, script);
  const child = spawnSync('bash', [...shell, file], { cwd, env, encoding: 'utf8', timeout: 120_000, stdio: ['ignore', 'pipe', 'pipe'] });
  return { code: child.status ?? -1, stdout: child.stdout, stderr: child.stderr };
}

/** actions/checkout: a real fetch of the ref the action would check out; actions/setup-node: the node on PATH. */
function runAction(world: SimWorld, step: any, event: SimEvent, workspace: string, context: ExpressionContext): Omit<SimStep, 'name' | 'ran'> {
  const action = String(step.uses);
  const options = Object.fromEntries(Object.entries(step.with ?? {}).map(([key, value]) => [key, interpolate(String(value), context)]));
  if (action.startsWith('actions/setup-node@')) {
    if (options['node-version'] !== '24') throw new Error(`workflow-sim: setup-node asks for node ${options['node-version']}`);
    return { code: 0, stdout: '', stderr: '' };
  }
  if (!action.startsWith('actions/checkout@')) throw new Error(`workflow-sim: no simulation of ${action}`);
  const ref = options.ref || event.sha;
  const git = (...args: string[]) => execFileSync('git', args, { cwd: workspace, stdio: 'pipe', env: { ...process.env, ...GIT_ENV } });
  git('init', '-q');
  // The fetch below is real; origin's object store is shared (as `git clone --shared` does) so that
  // it has nothing to copy.
  writeFileSync(path.join(workspace, '.git/objects/info/alternates'), `${path.join(world.origin, 'objects')}\n`);
  git('remote', 'add', 'origin', world.origin);
  if (options['fetch-depth'] === '0') {
    git('fetch', '-q', '--tags', 'origin', '+refs/heads/*:refs/remotes/origin/*');
    git('fetch', '-q', 'origin', ref);
  } else {
    git('fetch', '-q', '--depth=1', 'origin', ref);
  }
  git('checkout', '-q', '--detach', 'FETCH_HEAD');
  return { code: 0, stdout: `checked out ${ref}\n`, stderr: '' };
}

/** GITHUB_OUTPUT / GITHUB_ENV files: `key=value` lines and `key<<DELIMITER` blocks. */
export function readKeyValues(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const body: string[] = [];
      while (++i < lines.length && lines[i] !== heredoc[2]) body.push(lines[i]!);
      values[heredoc[1]!] = body.join('\n');
    } else if (line.includes('=')) values[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1);
  }
  return values;
}

/** The workflow commands a runner obeys in a step's output, honouring ::stop-commands::. */
export function workflowCommands(stdout: string): WorkflowCommand[] {
  const commands: WorkflowCommand[] = [];
  let stoppedUntil: string | undefined;
  // The runner reads a line as .NET does: it ends at \n, \r or \r\n.
  for (const line of stdout.split(/\r\n|\r|\n/)) {
    if (stoppedUntil !== undefined) {
      if (line.trim() === `::${stoppedUntil}::`) stoppedUntil = undefined;
      continue;
    }
    // GitHub reads a command after leading whitespace too.
    const match = /^\s*::([a-zA-Z-]+)(?: ([^:]*))?::(.*)$/.exec(line) ?? /^\s*##\[([a-zA-Z-]+)(?: ?([^\]]*))?\](.*)$/.exec(line);
    if (!match) continue;
    if (match[1] === 'stop-commands') stoppedUntil = match[3];
    else commands.push({ command: match[1]!, properties: match[2] ?? '', message: match[3]! });
  }
  return commands;
}

export const ghCalls = (world: SimWorld) =>
  readFileSync(world.ghLog, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { argv: string[]; method: string; path: string; fields: Record<string, string>; body?: string });

export const ghState = (world: SimWorld) => JSON.parse(readFileSync(world.ghState, 'utf8')) as { routes: Record<string, any>; statuses: Array<Record<string, string>> };
