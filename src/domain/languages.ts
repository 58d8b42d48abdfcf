// Languages as records write them: codes (`en`, `fr`), though a person may type `English` or
// `Français`. Assignment scores a shared language and a request stores what was typed through
// the same function, so `English` and `en` are one language everywhere.

let codesByName: Map<string, string> | undefined;

/** The code of a language named in English or in itself (`English`, `français` -> `en`, `fr`); a code, or a name not known, lower-cased as it is. */
export function languageCode(text: string): string {
  const lower = text.trim().toLowerCase();
  if (/^[a-z]{2,3}$/.test(lower)) return lower;
  codesByName ??= namesOfCodes();
  return codesByName.get(lower) ?? lower;
}

/** Every two-letter code's name in English and in the language itself; built once, only when a record names a language. */
function namesOfCodes(): Map<string, string> {
  const names = new Map<string, string>();
  if (typeof Intl.DisplayNames !== 'function') return names;
  const english = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  for (const first of letters) {
    for (const second of letters) {
      const code = first + second;
      const name = english.of(code);
      if (name === undefined) continue;
      const own = new Intl.DisplayNames([code], { type: 'language', fallback: 'none' }).of(code);
      for (const each of [own, name]) if (each !== undefined) names.set(each.toLowerCase(), code);
    }
  }
  return names;
}
