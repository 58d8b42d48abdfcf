import { parseDocument } from 'yaml';

/**
 * A text as it goes after `key: ` in a fix to copy: plain where YAML reads it back as that text,
 * else in double quotes (an id or handle such as 2026, 1e3, true or null would be read as a number,
 * true/false or nothing, and the line the fix offered would be refused in turn).
 */
export function yamlText(text: string): string {
  const doc = parseDocument(text, { version: '1.2' });
  return doc.errors.length === 0 && doc.toJS() === text ? text : JSON.stringify(text);
}
