// The entry of the runner, the bundled build that program repos commit as .mentor/mentor.mjs
// and run with plain `node` (see scripts/build-runner.mjs). `--version` is answered before the
// CLI is evaluated: the bundle is parsed either way, but nothing else runs.
import { writeSync } from 'node:fs';
import { packageVersion } from './version.js';

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-v')) {
  try {
    writeSync(1, `${packageVersion()}\n`);
  } catch (error) {
    // A full disk or /dev/full: said in words (a reader that stopped early is not an error).
    if ((error as NodeJS.ErrnoException).code !== 'EPIPE') {
      process.stderr.write(`mentor: could not write the output to standard output: ${(error as NodeJS.ErrnoException).code}.\n`);
      process.exitCode = 2;
    }
  }
} else {
  const { run } = await import('./main.js');
  process.exitCode = await run(args);
}
