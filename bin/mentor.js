#!/usr/bin/env node
// `mentor --version`, and `mentor --help` when it goes to a pipe or file, are answered here before
// anything else loads (the help text is written at build time by the CLI itself, see
// `npm run build`); everything else goes to the CLI.
import { readFileSync } from 'node:fs';

const args = process.argv.slice(2);
const only = args.length === 1 ? args[0] : undefined;
if (only === '--version' || only === '-v') {
  process.stdout.write(`${JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version}\n`);
} else if ((only === '--help' || only === '-h') && !process.stdout.isTTY && !process.env.MENTOR_LIVE_HELP && helpText() !== undefined) {
  process.stdout.write(helpText());
} else {
  const { run } = await import('../dist/main.js');
  process.exitCode = await run(args);
}

function helpText() {
  try {
    return readFileSync(new URL('../dist/help.txt', import.meta.url), 'utf8');
  } catch {
    return undefined;
  }
}
