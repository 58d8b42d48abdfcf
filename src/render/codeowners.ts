// .github/CODEOWNERS: the maintainers own every file. Each person's own rights (their logs, their
// person file, registering, claiming) are judged by meaning in the gate (`mentor check-pr`), not
// by path here: with GitHub's "last match wins", a per-person line would make a mentee the only
// owner of their logs, and a code owner needs write access to the repo anyway.

/** The first line of the file mentor writes: a CODEOWNERS without it is someone else's. */
export const CODEOWNERS_MARK = '# Written by `mentor codeowners` from mentor.config.yaml; do not edit by hand.';

export function renderCodeowners(maintainers: readonly string[]): string {
  const lines = [
    CODEOWNERS_MARK,
    '# The maintainers own every file. What each person may change is the mentor/gate check\'s to judge.',
    '',
  ];
  const owners = [...new Set(maintainers.map((handle) => handle.toLowerCase()))].sort().map((handle) => `@${handle}`).join(' ');
  lines.push(owners ? `* ${owners}` : '# No maintainers in mentor.config.yaml yet: add `maintainers: [your-handle]`, then run `mentor codeowners`.');
  return `${lines.join('\n')}\n`;
}
