import { printError } from './output.js';

// Ctrl-C (SIGINT), SIGTERM or SIGHUP while mentor holds the write lock. A signal never cuts a
// write in half: a write is one synchronous step (io/write.ts), so it finishes (every file renamed
// into place) before mentor hears the signal, and no temporary file is left. Then mentor stops,
// says what it wrote, and exits 128 + the signal's number; the lock goes with the process (its
// 'exit' listener). A signal that comes while mentor reads the records and works out its change
// (a synchronous stretch, in which node hears nothing) is heard just before the write
// (commands/commit-step.ts), which then does not happen; long work in that stretch (assign's
// solve) runs through runHearingSignals, which lets node hear it within a moment instead. While a --commit is under way (its
// branch made), stopping waits until the commit is made or undone, so the user is never left
// half-way; a second signal stops at once. Until a command goes for the lock it has nothing to
// finish, and a signal stops it at once, as node does by default (a listener would wait for the
// end of a long read).

const NUMBERS = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 } as const;
type Signal = keyof typeof NUMBERS;

let allowed = false;
let installed = false;
let pending: Signal | undefined;
/** While set, a signal waits: what is under way, and how to finish it by hand, for a second signal to say. */
let underWay: (() => Doing) | undefined;

export interface Doing {
  /** "committing x.yaml on the new branch b". */
  doing: string;
  /** Where mentor leaves the user if it stops right now, and the commands that finish the job. */
  wayOut: string;
}
const written: string[] = [];
/** What long work (runHearingSignals) is under way, for what a signal heard during it says: "working out the placements". */
let working: string | undefined;

/** The CLI's own process (not a test that runs commands in its process) may stop as above. */
export function allowCleanStops(): void {
  allowed = true;
}

/** From the write lock on: a signal stops mentor as above. */
export function stopCleanlyFromNowOn(): void {
  if (!allowed || installed) return;
  installed = true;
  for (const signal of Object.keys(NUMBERS) as Signal[]) process.on(signal, () => heard(signal));
}

/**
 * Lets a signal that came during a synchronous step (a write) be heard before mentor exits: the
 * process would otherwise end without looking, and a Ctrl-C during the write would go unsaid.
 */
export async function signalsHeard(): Promise<void> {
  // Node reads signals in the poll phase of its loop. The first immediate may run in the check
  // phase right after the poll that called us back; the second follows a poll of its own.
  for (let turn = 0; turn < 2; turn++) await new Promise((resolve) => setImmediate(resolve));
}

/** How long mentor works without letting node turn its loop (and hear a signal), at most about. */
const TURN_EVERY_MS = 50;

/**
 * Runs long work that pauses now and then (core/pausable.ts; a generator) to its end, letting
 * node turn its event loop every TURN_EVERY_MS or so: a signal that comes meanwhile is heard
 * within a moment, where a plain call would keep it waiting until the work is over. Under the
 * write lock that stops mentor before anything is written, saying it was `doing` that ("working
 * out the placements"); the result is the same either way.
 */
export async function runHearingSignals<T>(doing: string, work: Iterator<unknown, T, undefined>): Promise<T> {
  working = doing;
  try {
    let since = performance.now();
    for (;;) {
      const step = work.next();
      if (step.done) return step.value;
      if (performance.now() - since < TURN_EVERY_MS) continue;
      // An immediate runs after a poll of the loop, where node reads signals (see signalsHeard).
      await new Promise((resolve) => setImmediate(resolve));
      since = performance.now();
    }
  } finally {
    working = undefined;
  }
}

/** Files this run has written (repo-relative), for what an interrupted run says. */
export function noteWritten(files: readonly string[]): void {
  written.push(...files);
}

function heard(signal: Signal): void {
  if (underWay !== undefined && pending === undefined) {
    pending = signal;
    printError(`mentor: ${signal}: ${underWay().doing}; stopping once that is done (send it again to stop at once).`);
    return;
  }
  const now = underWay?.();
  stop(signal, now ? `while ${now.doing}. ${now.wayOut.replace(/\.$/, '')}` : undefined);
}

function stop(signal: Signal, state: string | undefined): never {
  const files = written.length > 5 ? `${written.slice(0, 5).join(', ')} and ${written.length - 5} more` : written.join(', ');
  printError(`mentor: interrupted (${signal}) ${state ?? (written.length === 0 ? `${working ? `while ${working}, ` : ''}before writing anything: nothing was written` : `after writing ${files}, each whole`)}.`);
  process.exit(128 + NUMBERS[signal]);
}

/**
 * Runs `work` with signals held back until it ends (`doing` says what it is doing and the way
 * out, for a second signal); then, if one came, stops, saying `after(outcome)`: how the work ended.
 */
export async function holdingSignals<T>(doing: () => Doing, work: () => Promise<T>, after: (outcome: { value: T } | { error: unknown }) => string): Promise<T> {
  underWay = doing;
  let outcome: { value: T } | { error: unknown };
  try {
    outcome = { value: await work() };
  } catch (error) {
    outcome = { error };
  } finally {
    underWay = undefined;
  }
  if (pending !== undefined) stop(pending, after(outcome));
  if ('error' in outcome) throw outcome.error;
  return outcome.value;
}
