import { ID_PATTERN, RUNNER_COMMAND } from '../../domain/layout.js';

// Pieces every workflow `mentor init` writes shares: how a job gets the committed runner, and the
// rules they keep. No job installs anything (no npm ci, npm install or npx): each runs the runner
// the repo committed, `node .mentor/mentor.mjs`. Text from a pull request or an issue reaches a
// shell only through `env:`, never inside `run:`.

/** A record id as a POSIX extended regular expression (sed -E, grep -E), from ID_PATTERN. */
export const ID_ERE = ID_PATTERN.source.replace(/^\^|\$$/g, '');
/** The same as a basic regular expression (sed without -E): braces are escaped. */
export const ID_BRE = ID_ERE.replace(/[{}]/g, (brace) => `\\${brace}`);

/** The command every job runs: the repo's committed runner. */
export const RUNNER = RUNNER_COMMAND;

/** The commit status the gate sets on a pull request's head commit; branch protection requires it. */
export const GATE_CONTEXT = 'mentor/gate';

// The current majors of the official actions, each on the node24 runtime (node20 actions were
// removed from GitHub's runners in September 2026). checkout v7 also refuses, by default, to check
// out a fork's code in pull_request_target and workflow_run jobs.
export const CHECKOUT_ACTION = 'actions/checkout@v7';
export const SETUP_NODE_ACTION = 'actions/setup-node@v7';
export const NODE_VERSION = 24;

// The longest a job may run. A job here takes seconds (the gate on 10,000 people, 7 s); one stuck
// on a network call or a git prompt would otherwise hold a runner, and a volunteer program's free
// minutes, for GitHub's default of six hours.
export const JOB_TIMEOUT_MINUTES = 15;

/** The lines every job starts with: where it runs and how long it may. */
export const JOB_MACHINE = ['    runs-on: ubuntu-latest', `    timeout-minutes: ${JOB_TIMEOUT_MINUTES}`].join('\n');

/**
 * What every workflow starts from: no permission (each job asks for its own), and `run:` steps in
 * `bash -eo pipefail`. With no shell named, the runner uses `bash -e` without pipefail: a `gh` call
 * that fails on the left of a pipe (`gh api ... | jq`) would go unseen, a run green that failed.
 */
export const WORKFLOW_DEFAULTS = ['permissions: {}', '', 'defaults:', '  run:', '    shell: bash'].join('\n');

/** The comment at the top of a workflow file: who wrote it, what it does, and what it may touch. */
export function header(lines: readonly string[]): string {
  return `${['# Written by `mentor init`; edit it as you need. `mentor upgrade --workflows` replaces it with a newer mentor\'s (review the diff).', ...lines].join('\n')}\n`;
}

/**
 * A checkout of the commit the event names (the base branch for pull_request_target and
 * workflow_run: never the pull request's code). Full history: --changed and check-pr need the
 * merge base.
 */
export function checkoutStep(indent: string, options: { fullHistory: boolean; ref?: string }): string {
  const lines = [`- uses: ${CHECKOUT_ACTION}`];
  const inputs = [...(options.ref ? [`ref: ${options.ref}`] : []), ...(options.fullHistory ? ['fetch-depth: 0'] : [])];
  if (inputs.length > 0) lines.push('  with:', ...inputs.map((input) => `    ${input}`));
  return lines.map((line) => `${indent}${line}`).join('\n');
}

/**
 * Node for the runner; nothing cached, nothing installed. setup-node turns on a package manager's
 * cache by itself when a package.json names one: never here, where nothing is installed.
 */
export function setupNodeStep(indent: string): string {
  return [`- uses: ${SETUP_NODE_ACTION}`, '  with:', `    node-version: ${NODE_VERSION}`, '    package-manager-cache: false'].map((line) => `${indent}${line}`).join('\n');
}

/**
 * The default branch as it is when the job runs, for the jobs that act on the program's records
 * now (attention, overdue, request, claim): their events name the default branch, and "Re-run
 * job" keeps the event's commit, so a re-run of an old run would read records that have moved on
 * (a request merged since opened again, members placed since mentioned again).
 */
export const CURRENT_BRANCH = '${{ github.ref }}';

/**
 * The head of a job that runs the committed runner, through its first two steps (the repo and
 * node): what it may touch, and the env that is the only way event text reaches its shell.
 */
export function runnerJob(options: { permissions: readonly string[]; env?: readonly string[]; fullHistory: boolean; checkoutRef?: string }): string {
  return [
    JOB_MACHINE,
    '    permissions:',
    ...options.permissions.map((line) => `      ${line}`),
    ...(options.env ? ['    env:', ...options.env.map((line) => `      ${line}`)] : []),
    '    steps:',
    checkoutStep('      ', { fullHistory: options.fullHistory, ref: options.checkoutRef }),
    setupNodeStep('      '),
  ].join('\n');
}

/**
 * `gh`, for every script that calls it: GitHub's error (which can quote what was sent) is printed
 * between ::stop-commands:: and its token, so no line of it is obeyed as a workflow command (a
 * rewrite of lines that start with `::` misses one behind a carriage return, where the runner
 * starts a line too, or behind a space only .NET trims), then an annotation says which call failed
 * and to re-run the job. The exit code is gh's. Callers that expect a failure (a 404 that means
 * "off") send its stderr, annotation included, to a file.
 */
export const GH_FUNCTION = `gh() {
  local code=0 call="$1 $2" arg token
  command gh "$@" 2> "$RUNNER_TEMP/gh-error.txt" || code=$?
  if [ -s "$RUNNER_TEMP/gh-error.txt" ]; then
    token=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \\n')
    { echo "::stop-commands::$token"; cat "$RUNNER_TEMP/gh-error.txt"; [ -z "$(tail -c 1 "$RUNNER_TEMP/gh-error.txt")" ] || echo; echo "::$token::"; } >&2
  fi
  if [ "$code" -ne 0 ]; then
    for arg in "$@"; do case "$arg" in repos/*) call="api \${arg%%\\?*}" ;; esac; done
    echo "::error::A call to GitHub failed (gh $call, exit $code: its error is above). Re-run this job once GitHub answers again." >&2
  fi
  return "$code"
}`;

/** A step of a job that runs a shell script; `extra`: its other keys (`id: ...`), one a line. A script that calls gh gets GH_FUNCTION first. */
export function runStep(name: string, script: string, extra: readonly string[] = []): string {
  const full = /(^|[\s|(!;])gh /m.test(script) ? `${GH_FUNCTION}\n${script}` : script;
  return indent([`- name: ${name}`, ...extra.map((line) => `  ${line}`), '  run: |', indent(full, '    ')].join('\n'), '      ');
}

/** Indents every non-empty line of a block. */
export function indent(text: string, by: string): string {
  return text
    .split('\n')
    .map((line) => (line === '' ? line : `${by}${line}`))
    .join('\n');
}
