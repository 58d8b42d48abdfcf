// Long computations (the assignment's solve) are generators that yield at points where pausing
// changes nothing. Run to the end at once, they give the same result as a plain function; a
// command that holds the write lock runs them through io/interrupt.ts instead, which lets node
// turn its event loop now and then, so that a Ctrl-C is heard within a moment and not only once
// the whole solve is over (node runs a signal handler only between turns of its loop).

/** Work that may pause between steps (`yield`) and ends with a T. */
export type Pausable<T> = Generator<void, T, void>;

/** Runs the work without pausing. */
export function runToEnd<T>(work: Pausable<T>): T {
  for (;;) {
    const step = work.next();
    if (step.done) return step.value;
  }
}
