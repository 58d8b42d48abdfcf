// Text as mentor quotes it back to people.

/** At most `max` characters (whole code points), with an ellipsis when cut. */
export const shortened = (text: string, max: number) => (text.length > max ? `${[...text].slice(0, max - 1).join('')}…` : text);

/** A value someone wrote, quoted in a message: short enough that the message stays readable. */
export const quoted = (value: string) => `"${shortened(value, 80)}"`;
