import { ExitCode } from '../errors.js';
import { print } from '../io/output.js';

/**
 * `--check` of a command that writes generated files: says they are current (exit 0), or which
 * are not and the command that regenerates them (exit 1). `stale` comes from io/generated.ts.
 */
export function checkGenerated(stale: readonly string[], upToDate: string, outOfDate: (files: string) => string): number {
  if (stale.length === 0) {
    print(upToDate);
    return ExitCode.ok;
  }
  print(outOfDate(stale.join(', ')));
  return ExitCode.invalid;
}
