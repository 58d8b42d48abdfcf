import { parseDocument, visit } from 'yaml';

/**
 * Every comment of a YAML text, in order: the words a reader of the file sees that mentor does
 * not read. Undefined when the text is not YAML (its problems are said elsewhere).
 */
export function commentsOf(text: string): string[] | undefined {
  const doc = parseDocument(text, { uniqueKeys: false });
  if (doc.errors.length > 0) return undefined;
  const comments: string[] = [];
  const keep = (comment: string | null | undefined) => {
    if (comment) comments.push(comment);
  };
  keep(doc.commentBefore);
  visit(doc, (_key, node) => {
    const commented = node as { commentBefore?: string | null; comment?: string | null };
    keep(commented.commentBefore);
    keep(commented.comment);
  });
  keep(doc.comment);
  return comments;
}
