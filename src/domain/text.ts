// Text as mentor quotes it back to people.

/** A count with thousands separated, one format in every output: "10,000". */
export const countText = (value: number) => value.toLocaleString('en-US');

/** At most `max` characters (whole code points), with an ellipsis when cut. */
export const shortened = (text: string, max: number) => (text.length > max ? `${[...text].slice(0, max - 1).join('')}…` : text);

/**
 * Characters that show nothing: white space, zero-width spaces and joiners, direction marks and
 * controls, the byte order mark. A name of these alone looks like no name at all.
 */
export const INVISIBLE_CHARACTERS = /[\s\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/gu;

/** Whether a text has a character a reader can see. */
export const hasVisibleText = (text: string) => text.replace(INVISIBLE_CHARACTERS, '') !== '';

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
