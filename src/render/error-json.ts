// A run asked for JSON (`--format json`) and failed before its command could answer in its own
// shape (a usage error, a repo that cannot be read, records that stop it): stdout still gets one
// JSON object, `{ "error": { "message", "hint", "exitCode" } }`, so a tool reading it gets a
// reason rather than a parse error. The human message goes to stderr as always (main.ts).

/** Whether argv asks for JSON: the last `--format json` or `--format=json`, as commander reads them (an argument after `--` is not an option). */
export function asksForJson(argv: readonly string[]): boolean {
  return formatAskedFor(argv) === 'json';
}

/** Whether argv asks for data another program reads (JSON, SARIF), whose text never depends on how mentor was started. */
export function asksForData(argv: readonly string[]): boolean {
  const format = formatAskedFor(argv);
  return format === 'json' || format === 'sarif';
}

/** The last `--format` given, which is the one commander keeps. */
function formatAskedFor(argv: readonly string[]): string | undefined {
  let format: string | undefined;
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index]!;
    if (arg === '--') break;
    if (arg.startsWith('--format=')) format = arg.slice('--format='.length);
    else if (arg === '--format') format = argv[index + 1];
  }
  return format;
}

/**
 * The error object. `error` is what the run threw: a MentorError gives its message and hint;
 * anything else (a bug) gives its message only, as main.ts says it. `hint` is null when there is none.
 */
export function renderErrorJson(error: unknown, exitCode: number): string {
  const message = error instanceof Error ? error.message : String(error);
  const hint = typeof error === 'object' && error !== null && typeof (error as { hint?: unknown }).hint === 'string' ? (error as { hint: string }).hint : null;
  return `${JSON.stringify({ error: { message, hint, exitCode } }, null, 2)}\n`;
}
