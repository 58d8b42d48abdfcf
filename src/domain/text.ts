// Text as mentor quotes it back to people.

/** A count with thousands separated, one format in every output: "10,000". */
export const countText = (value: number) => value.toLocaleString('en-US');

/** At most `max` characters (whole code points), with an ellipsis when cut. */
export const shortened = (text: string, max: number) => (text.length > max ? `${[...text].slice(0, max - 1).join('')}…` : text);

/**
 * Characters that show nothing on their own: white space, controls, Unicode's default-ignorable
 * characters (zero-width spaces and joiners, the soft hyphen, direction marks and controls, the
 * byte order mark, Hangul fillers, tags), combining marks with no letter to sit on, and the blank
 * Braille pattern. A name of these alone looks like no name at all.
 */
export const INVISIBLE_CHARACTERS = /[\s\p{Cc}\p{Default_Ignorable_Code_Point}\p{M}\u2800]/gu;

/** Whether a text has a character a reader can see. */
export const hasVisibleText = (text: string) => text.replace(INVISIBLE_CHARACTERS, '') !== '';

const codePoint = (character: string) => `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * The one rule for a name people read (a person's, a cohort's, the program's): it needs a
 * character a reader can see. What is wrong, said after the field's name, with the characters it
 * holds by code point (they cannot be shown); undefined for a name that shows, or an empty one
 * (empty is a problem of its own).
 */
export function invisibleNameProblem(name: string): string | undefined {
  if (name === '' || hasVisibleText(name)) return undefined;
  const points = [...new Set([...name].map(codePoint))];
  const listed = points.length > 6 ? `${points.slice(0, 6).join(', ')}, ...` : points.join(', ');
  return `shows nothing: it holds only invisible characters (${listed})`;
}

/** What to do about a name that shows nothing. */
export const INVISIBLE_NAME_FIX = 'Write the name in letters a reader can see (retype it: the characters there show nothing).';

/** A name that shows nothing, said to someone typing it (request's flag, question or form); undefined for a name that shows. */
export function invisibleNameRefusal(name: string): string | undefined {
  const problem = invisibleNameProblem(name);
  return problem === undefined ? undefined : `The name ${problem}. ${INVISIBLE_NAME_FIX}`;
}

/** A value someone wrote, quoted in a message: short enough that the message stays readable. */
export const quoted = (value: string) => `"${shortened(value, 80)}"`;

/**
 * The comment `mentor request` writes above a waiting member, and `claim` and `assign` remove when
 * they give the member a mentor: mentor's own words, not a reader's.
 */
/** The note above a waiting member a request writes, by the role that waits: dropped when the member is placed. */
export const WAITING_NOTES = {
  mentee: '# A request for a mentor: waiting until a mentor claims it (or `mentor assign` places it).',
  mentor: '# An offer to mentor: waiting until a lead takes it on (or `mentor assign` places it).',
} as const;

/**
 * A word of a command mentor prints for people to copy into a shell: as it is when it holds only
 * characters no shell reads specially, else in single quotes. A branch may be called `wip;rm -rf`
 * and a folder `my program`: the command still does what it says.
 */
export const shellWord = (word: string) => (/^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`);

/** Words for a shell, each quoted where it needs it, joined by spaces. */
export const shellWords = (words: readonly string[]) => words.map(shellWord).join(' ');
