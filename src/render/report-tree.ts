import type { CohortSnapshot, TreeNode } from '../core/report.js';
import { hours } from './hours.js';
import { mdText, mermaidLabel } from './markdown.js';
import { plural } from './words.js';
import { countText } from '../domain/text.js';

// The tree of a report. GitHub draws a Mermaid flowchart of at most 500 links and 50,000
// characters (Mermaid's maxEdges and maxTextSize, which a page cannot raise); past either the
// diagram fails to render, so the tree is written as a nested list, and the report says why.

export const MERMAID_MAX_EDGES = 500;
export const MERMAID_MAX_TEXT = 50_000;

const describe = (node: TreeNode) => `${node.name} (${node.id}) · ${node.role}${node.role === 'mentee' ? '' : ` · X=${node.directMentees}`} · ${hours(node.plannedTotal)} h${node.detached ? ' · no lead yet' : ''}${node.unreachable ? ' · not reachable from a lead' : ''}`;

function countEdges(nodes: readonly TreeNode[]): number {
  return nodes.reduce((sum, node) => sum + node.children.length + countEdges(node.children), 0);
}

export function renderReportTree(s: CohortSnapshot): string[] {
  const edges = countEdges(s.tree);
  if (edges > MERMAID_MAX_EDGES) return listTree(s, `The tree has ${plural(edges, 'link')}, more than the ${MERMAID_MAX_EDGES} a Mermaid diagram on GitHub can draw, so it is written as a list.`);
  const diagram = mermaidTree(s);
  // Mermaid measures the text between the fences.
  const length = diagram.slice(1, -1).join('\n').length;
  if (length > MERMAID_MAX_TEXT) return listTree(s, `The tree's diagram would be ${countText(length)} characters, more than the ${countText(MERMAID_MAX_TEXT)} Mermaid on GitHub draws, so it is written as a list.`);
  return diagram;
}

function listTree(s: CohortSnapshot, why: string): string[] {
  const out = [why, ''];
  const walk = (node: TreeNode, depth: number) => {
    out.push(`${'  '.repeat(depth)}- ${mdText(describe(node))}`);
    for (const child of node.children) walk(child, depth + 1);
  };
  s.tree.forEach((root) => walk(root, 0));
  const drawn = new Set<string>();
  const mark = (node: TreeNode) => (drawn.add(node.id), node.children.forEach(mark));
  s.tree.forEach(mark);
  for (const w of s.waiting.filter((w) => !drawn.has(w.id))) out.push(`- ${mdText(`${w.name} (${w.id}) · ${w.role} · waiting`)}`);
  return out;
}

function mermaidTree(s: CohortSnapshot): string[] {
  const out = ['```mermaid', 'flowchart TD'];
  const ids = new Map<string, string>();
  const nodeId = (id: string) => {
    if (!ids.has(id)) ids.set(id, `p${ids.size + 1}`);
    return ids.get(id)!;
  };
  const walk = (node: TreeNode) => {
    out.push(`  ${nodeId(node.id)}["${mermaidLabel(describe(node))}"]${node.detached || node.unreachable ? ':::waiting' : ''}`);
    for (const child of node.children) {
      walk(child);
      out.push(`  ${nodeId(node.id)} --> ${nodeId(child.id)}`);
    }
  };
  s.tree.forEach(walk);
  const waiting = s.waiting.filter((w) => !ids.has(w.id));
  for (const w of waiting) out.push(`  ${nodeId(w.id)}["${mermaidLabel(`${w.name} (${w.id}) · ${w.role} · waiting`)}"]:::waiting`);
  if (waiting.length > 0 || s.tree.some((node) => node.detached || node.unreachable)) out.push('  classDef waiting stroke-dasharray: 5 5');
  out.push('```');
  return out;
}
