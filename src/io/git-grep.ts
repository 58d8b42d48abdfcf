// `git grep` over a commit's folder: which files hold one of some needles (a quick filter before reading).

export function grepArgs(commit: string, dir: string, needles: readonly string[]): string[] {
  return ['grep', '-l', '-z', '-i', '-F', ...needles.flatMap((needle) => ['-e', needle]), commit, '--', `${dir}/`];
}

/** The files of `git grep -l -z` output, without the commit it prefixes them with. */
export function filesGrepped(commit: string, output: string): Set<string> {
  const prefix = `${commit}:`;
  return new Set(output.split('\0').filter((line) => line.startsWith(prefix)).map((line) => line.slice(prefix.length)));
}

/** The key of one grep's answer: the folder and the needles. */
export const holdingKey = (dir: string, needles: readonly string[]) => [dir, ...needles].join('\0');
