import type { Member, Role } from '../model/schemas.js';
import { mentorCycles } from '../domain/member-checks.js';
import { ROLES } from '../domain/tiers.js';

// A cohort's tree for its snapshot: leads at the top, each member under their mentor; a member
// with mentees of its own but no lead, and members no lead reaches, as roots of their own.

export interface TreeNode {
  id: string;
  name: string;
  role: Role;
  directMentees: number;
  plannedTotal: number;
  children: TreeNode[];
  /** Not under a lead (a mentor still waiting for one, with mentees of its own): shown as a root. */
  detached?: true;
  /**
   * Has a mentor, yet cannot be reached from a lead: its mentor is not in the cohort, or the
   * mentors go round in a cycle. Shown as a root, after the others, never dropped.
   */
  unreachable?: { mentor: string; reason: 'cycle' | 'mentor-not-member' | 'too-deep' };
}

/** Nodes and rows by id, as every list of the snapshot is ordered. */
export const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The tree of `members` (one entry each), its nodes made by `nodeOf` (with no children yet). */
export function cohortTree(members: readonly Member[], nodeOf: (member: Member) => TreeNode): TreeNode[] {
  // The tree: leads at the top; members whose mentor is not in the cohort hang from nobody.
  const nodes = new Map<string, TreeNode>(members.map((member) => [member.person, nodeOf(member)]));
  const roots: TreeNode[] = [];
  for (const member of members) {
    const node = nodes.get(member.person)!;
    if (member.role === 'lead') roots.push(node);
    else if (member.mentor !== undefined && nodes.has(member.mentor)) nodes.get(member.mentor)!.children.push(node);
  }
  // A member with mentees of its own but no lead above it would drop out of the tree with them.
  for (const member of members) {
    const node = nodes.get(member.person)!;
    const attached = member.role === 'lead' || (member.mentor !== undefined && nodes.has(member.mentor));
    if (!attached && node.children.length > 0) roots.push({ ...node, detached: true });
  }
  roots.push(...unreachableRoots(members, nodes, roots));
  roots.push(...cutTooDeep(roots));
  const sortTree = (list: TreeNode[]): void => {
    for (const node of list.sort(byId)) sortTree(node.children);
  };
  sortTree(roots);
  const rank = (node: TreeNode) => (node.unreachable ? 2 : node.detached ? 1 : 0);
  roots.sort((a, b) => rank(a) - rank(b));
  return roots;
}

/**
 * The members with a mentor that no lead reaches (a mentor not in the cohort, a cycle of mentors),
 * as roots: the one whose mentor is missing, or every member of a cycle with the links inside the
 * cycle cut, so each is shown once and the tree stays a tree. Their mentees hang below them.
 */
function unreachableRoots(members: readonly Member[], nodes: Map<string, TreeNode>, roots: readonly TreeNode[]): TreeNode[] {
  const reached = new Set<string>();
  // A stack, not recursion: records with errors can chain mentors thousands deep.
  const stack = [...roots];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (reached.has(node.id)) continue;
    reached.add(node.id);
    stack.push(...node.children);
  }
  const lost = members.filter((member) => member.mentor !== undefined && !reached.has(member.person));
  if (lost.length === 0) return [];
  const inCycle = new Set(mentorCycles(lost).flatMap((cycle) => cycle.map((index) => lost[index]!.person)));
  const found: TreeNode[] = [];
  for (const member of lost) {
    const node = nodes.get(member.person)!;
    if (inCycle.has(member.person)) {
      node.children = node.children.filter((child) => !inCycle.has(child.id));
      found.push({ ...node, unreachable: { mentor: member.mentor!, reason: 'cycle' } });
    } else if (!nodes.has(member.mentor!)) {
      found.push({ ...node, unreachable: { mentor: member.mentor!, reason: 'mentor-not-member' } });
    }
  }
  return found;
}

/**
 * Cuts chains of mentors deeper than the tiers (lead, mentor, mentee) into roots of their own: only
 * records with errors make them (validate names each), and every walk of the tree stays shallow,
 * where a chain thousands deep would overflow the stack of the text, JSON and picture renderers.
 */
function cutTooDeep(roots: readonly TreeNode[]): TreeNode[] {
  const cut: TreeNode[] = [];
  const stack = roots.map((node) => ({ node, depth: 0 }));
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const { node, depth } = next;
    if (depth + 1 < ROLES.length) {
      for (const child of node.children) stack.push({ node: child, depth: depth + 1 });
      continue;
    }
    for (const child of node.children) {
      const root: TreeNode = { ...child, unreachable: { mentor: node.id, reason: 'too-deep' } };
      cut.push(root);
      stack.push({ node: root, depth: 0 });
    }
    node.children = [];
  }
  return cut;
}
