// The entry of the runner, the bundled build that program repos commit as .mentor/mentor.mjs
// and run with plain `node` (see scripts/build-runner.mjs). `--version` is answered before the
// CLI is evaluated: the bundle is parsed either way, but nothing else runs.
import { writeAtOnce } from './io/stdio.js';
import { packageVersion } from './version.js';

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-v')) {
  // A full disk or /dev/full is said in words; a reader that stopped early is not an error.
  const failed = writeAtOnce(1, `${packageVersion()}\n`);
  if (failed && failed.code !== 'EPIPE') {
    writeAtOnce(2, `mentor: could not write the output to standard output: ${failed.code}.\n`);
    process.exitCode = 2;
  }
} else {
  const [{ run }, interrupt] = await Promise.all([import('./main.js'), import('./io/interrupt.js')]);
  // Ctrl-C and SIGTERM stop a writer cleanly (io/interrupt.ts): allowed here, not in run(), which
  // tests also call in their own process.
  interrupt.allowCleanStops();
  process.exitCode = await run(args);
  await interrupt.signalsHeard();
}
