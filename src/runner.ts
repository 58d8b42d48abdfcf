// The entry of the runner, the bundled build that program repos commit as .mentor/mentor.mjs
// and run with plain `node` (see scripts/build-runner.mjs). `--version` is answered before the
// CLI is evaluated: the bundle is parsed either way, but nothing else runs.
import { packageVersion } from './version.js';

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-v')) {
  process.stdout.write(`${packageVersion()}\n`);
} else {
  const { run } = await import('./main.js');
  process.exitCode = await run(args);
}
