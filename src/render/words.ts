// Words for counts and durations, the same in every command's output.

/** "1 maintainer", "2 maintainers"; irregular plurals passed in. */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

/** How long someone has waited, one format everywhere: "5 h", "3 d 2 h" from two days on. */
export function waitText(hours: number | undefined): string {
  if (hours === undefined) return 'an unknown time';
  if (hours < 48) return `${Math.round(hours)} h`;
  const whole = Math.round(hours);
  return `${Math.floor(whole / 24)} d ${whole % 24} h`;
}
