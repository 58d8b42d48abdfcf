import { isAlias, isNode, parseDocument, visit } from 'yaml';
import type { PathSegment } from './source.js';

/**
 * What a reader of a YAML text sees beyond the values mentor reads: every comment, every anchor,
 * alias and explicit tag (each can carry any word: `role: &see-https://example.org mentee` parses to
 * `role: mentee`), and the text each entry is written as. Undefined when the text is not YAML (its
 * problems are said elsewhere).
 */
export interface WrittenForm {
  comments: string[];
  marks: string[];
  /** The text of the node at `path` as written (from its first character to the end of its value). */
  textAt(path: readonly PathSegment[]): string | undefined;
}

// A pull request's base and head texts are each asked about once per member of the file.
const recent = new Map<string, WrittenForm | undefined>();

export function writtenForm(text: string): WrittenForm | undefined {
  if (recent.has(text)) return recent.get(text);
  const form = read(text);
  if (recent.size >= 8) recent.delete(recent.keys().next().value!);
  recent.set(text, form);
  return form;
}

function read(text: string): WrittenForm | undefined {
  const doc = parseDocument(text, { uniqueKeys: false });
  if (doc.errors.length > 0) return undefined;
  const comments: string[] = [];
  const marks: string[] = [];
  const keep = (comment: string | null | undefined) => {
    if (comment) comments.push(comment);
  };
  keep(doc.commentBefore);
  visit(doc, (_key, node) => {
    const commented = node as { commentBefore?: string | null; comment?: string | null };
    keep(commented.commentBefore);
    keep(commented.comment);
    if (isAlias(node)) marks.push(`*${node.source}`);
    else if (isNode(node)) {
      if (node.anchor) marks.push(`&${node.anchor}`);
      if (node.tag) marks.push(`!${node.tag}`);
    }
  });
  keep(doc.comment);
  return {
    comments,
    marks,
    textAt(path) {
      const node = path.length === 0 ? doc.contents : doc.getIn(path, true);
      const range = isNode(node) ? node.range : undefined;
      return range ? text.slice(range[0], range[1]) : undefined;
    },
  };
}
