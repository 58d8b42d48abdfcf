#!/usr/bin/env node
// `mentor --version`, and `mentor --help` when it goes to a pipe or file, are answered here before
// anything else loads (the help text is written at build time by the CLI itself, see
// `npm run build`); everything else goes to the CLI, as one bundled module: the runner that
// `mentor init` commits (dist/runner/mentor.mjs, see scripts/build-runner.mjs), which reads its own
// arguments. Node loads one parsed file in about half the time it takes to resolve and load the
// ~150 modules of dist/ and the libraries in node_modules one by one.
import { readFileSync, writeSync } from 'node:fs';

const args = process.argv.slice(2);
const only = args.length === 1 ? args[0] : undefined;
if (only === '--version' || only === '-v') {
  answer(`${JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version}\n`);
} else if ((only === '--help' || only === '-h') && fitsWritten() && !process.env.MENTOR_LIVE_HELP && helpText() !== undefined) {
  answer(helpText());
} else {
  await import('../dist/runner/mentor.mjs');
}

/** The help written at build time is 80 columns wide: a pipe, a file, or a terminal at least that wide. */
function fitsWritten() {
  return !process.stdout.isTTY || process.stdout.columns >= 80;
}

/** Writes the whole answer; output that cannot be written (a full disk) is said, not a stack trace. */
function answer(text) {
  try {
    writeSync(1, text);
  } catch (error) {
    if (error.code === 'EPIPE') return;
    try {
      writeSync(2, `mentor: could not write the output to standard output: ${error.code ?? error.message}.\n`);
    } catch {
      // Nowhere left to say it: the exit code does.
    }
    process.exitCode = 2;
  }
}

function helpText() {
  try {
    return readFileSync(new URL('../dist/help.txt', import.meta.url), 'utf8');
  } catch {
    return undefined;
  }
}
