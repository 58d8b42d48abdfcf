import { Document } from 'yaml';

/** A new YAML file: comment lines, then the record in block style. Any text round-trips. */
export function renderNewDocument(comments: string[], value: unknown): string {
  return `${comments.join('\n')}\n${new Document(value).toString({ lineWidth: 0 })}`;
}
