import path from 'node:path';
import { ExitCode } from '../errors.js';
import { print, say } from '../io/output.js';
import { renderWroteJson } from '../render/outcome-json.js';

export type Format = 'text' | 'json';

/**
 * `--check` of a command that writes generated files: says they are current (exit 0), or which
 * are not and the command that regenerates them (exit 1). `stale` comes from io/generated.ts.
 */
export function checkGenerated(stale: readonly string[], upToDate: string, outOfDate: (files: string) => string, json?: Record<string, unknown>): number {
  const said = stale.length === 0 ? upToDate : outOfDate(stale.join(', '));
  if (json) print(renderWroteJson({ ...json, stale }, { ok: stale.length === 0, problems: stale.length === 0 ? [] : [said], files: [], branch: null }));
  else say(said);
  return stale.length === 0 ? ExitCode.ok : ExitCode.invalid;
}

/** What a command that writes files did: `text`, or with --format json its own keys and the files it wrote. */
export function sayGenerated(format: Format | undefined, text: string, json: Record<string, unknown>, files: readonly string[], branch: string | null = null): void {
  if (format === 'json') print(renderWroteJson(json, { ok: true, problems: [], files, branch }));
  else say(text);
}

/** A folder the user chose (io/write-path.ts chosenFolder), for JSON: relative to the repo, with forward slashes, or absolute outside it. */
export const folderForJson = (out: { root: string; relative: string; inRepo: boolean }) => (out.inRepo ? out.relative.split(path.sep).join('/') || '.' : out.root);
