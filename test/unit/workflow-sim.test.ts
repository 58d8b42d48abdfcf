import { describe, expect, it } from 'vitest';
import { condition, evaluate, interpolate } from '../helpers/workflow-expr.js';
import { readKeyValues, workflowCommands } from '../helpers/workflow-sim.js';

// The simulator's own parts, so a scenario test fails for the workflow's reasons, not the simulator's.

const context = (jobSucceeded = true) => ({
  contexts: { github: { event_name: 'pull_request', event: { pull_request: { number: 7, user: { login: 'Hal-K' } } } }, steps: { judge: { outputs: { verdict: 'failure' } } }, env: { NUMBER: '' } },
  jobSucceeded,
});

describe('the workflow simulator', () => {
  it('evaluates expressions as GitHub does: case-insensitive strings, missing properties as null, && and || returning operands', () => {
    expect(evaluate("github.event.pull_request.user.login == 'hal-k'", context())).toBe(true);
    expect(evaluate('github.event.pull_request.head.sha', context())).toBeUndefined();
    expect(evaluate("github.event.pull_request.number || 'none'", context())).toBe(7);
    expect(evaluate("startsWith(github.event_name, 'pull_') && !contains(github.event_name, 'target')", context())).toBe(true);
    expect(interpolate('PR ${{ github.event.pull_request.number }} by ${{ github.event.pull_request.user.login }}', context())).toBe('PR 7 by Hal-K');
    expect(() => evaluate('github.event | x', context())).toThrow(/cannot read/);
    expect(() => evaluate('secrets.X', context())).toThrow(/unknown context/);
  });

  it('runs a step whose if names no status function only while the job succeeds', () => {
    expect(condition("steps.judge.outputs.verdict != 'success'", context(true))).toBe(true);
    expect(condition("steps.judge.outputs.verdict != 'success'", context(false))).toBe(false);
    expect(condition("always() && env.NUMBER != ''", context(false))).toBe(false);
    expect(condition('${{ always() }}', context(false))).toBe(true);
    expect(condition(undefined, context(false))).toBe(false);
  });

  it('reads GITHUB_OUTPUT lines and heredocs, and obeys no command between ::stop-commands:: and its token', () => {
    expect(readKeyValues('verdict=success\nbody<<EOF\nline 1\nline=2\nEOF\nx=a=b\n')).toEqual({ verdict: 'success', body: 'line 1\nline=2', x: 'a=b' });
    const commands = workflowCommands('::error file=a.yaml,line=1::bad\n::stop-commands::t0k3n\n::add-mask::secret\n::t0k3n::\n::warning::after\n');
    expect(commands).toEqual([
      { command: 'error', properties: 'file=a.yaml,line=1', message: 'bad' },
      { command: 'warning', properties: '', message: 'after' },
    ]);
  });
});
