import type { run as runType } from '../../src/main.js';
import { GIT_ENV, PACKAGE_ROOT, withJson, type RunResult } from './repo.js';

// The CLI run in the test's own process: the built CLI's `run(argv)` (dist/main.js, what
// bin/mentor.js calls), with the environment, working folder and streams a child would get, and
// its output captured. Real files and real git, as ever; what is saved is starting node and
// loading the CLI for every run. Each test file keeps real CLI runs (helpers/repo.ts mentor()) for
// exit codes and formats; use this where a test checks what a command does.

type Write = typeof process.stdout.write;

let queue: Promise<unknown> = Promise.resolve();

/** Runs `mentor <args>` in-process: same result shape as mentor() in helpers/repo.ts. */
export function mentorIn(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<RunResult> {
  // One run at a time: a run owns process.env, the working folder and the streams.
  const result = queue.then(() => runOnce(args, options));
  queue = result.catch(() => undefined);
  return result;
}

/** mentorJson() in-process. */
export async function mentorInJson<T = any>(args: string[], options: Parameters<typeof mentorIn>[1] = {}): Promise<{ code: number; json: T; stderr: string }> {
  return withJson<T>(await mentorIn(args, options));
}

async function runOnce(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv }): Promise<RunResult> {
  const { run } = (await import('../../dist/main.js')) as { run: typeof runType };
  const savedEnv = { ...process.env };
  const savedCwd = process.cwd();
  const env: NodeJS.ProcessEnv = { NO_COLOR: '1', FORCE_COLOR: undefined, MENTOR_DEBUG: undefined, ...GIT_ENV, ...options.env };
  for (const [key, value] of Object.entries(env)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  process.chdir(options.cwd ?? PACKAGE_ROOT);
  const out: string[] = [];
  const err: string[] = [];
  const streams = [process.stdout, process.stderr, process.stdin] as const;
  const saved = streams.map((stream) => ({ write: (stream as NodeJS.WriteStream).write, tty: Object.getOwnPropertyDescriptor(stream, 'isTTY'), errorListeners: stream.listeners('error') }));
  const capture = (into: string[]): Write =>
    ((chunk: string | Uint8Array, encoding?: unknown, callback?: unknown) => {
      into.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      const done = typeof encoding === 'function' ? encoding : callback;
      if (typeof done === 'function') process.nextTick(done as () => void);
      return true;
    }) as Write;
  const exitListeners = process.listeners('exit');
  process.stdout.write = capture(out);
  process.stderr.write = capture(err);
  // Output goes to a pipe, as it does from a child process: no colour, no prompts.
  for (const stream of streams) Object.defineProperty(stream, 'isTTY', { value: false, configurable: true, writable: true });
  try {
    const code = await run(args);
    return { code, stdout: out.join(''), stderr: err.join('') };
  } finally {
    // What a command leaves to the end of its process (the write lock) happens as it would on exit.
    for (const listener of process.listeners('exit')) {
      if (exitListeners.includes(listener)) continue;
      process.removeListener('exit', listener);
      (listener as () => void)();
    }
    streams.forEach((stream, index) => {
      const before = saved[index]!;
      if (stream !== process.stdin) (stream as NodeJS.WriteStream).write = before.write;
      if (before.tty) Object.defineProperty(stream, 'isTTY', before.tty);
      else delete (stream as { isTTY?: boolean }).isTTY;
      // run() listens for EPIPE on the streams each time: leave them as they were.
      for (const listener of stream.listeners('error')) if (!before.errorListeners.includes(listener)) stream.removeListener('error', listener as () => void);
    });
    process.chdir(savedCwd);
    for (const key of Object.keys(process.env)) if (!(key in savedEnv)) delete process.env[key];
    Object.assign(process.env, savedEnv);
  }
}
