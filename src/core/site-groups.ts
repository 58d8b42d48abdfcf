import type { TreeNode } from './report.js';
import type { Role } from '../model/schemas.js';

// The cohort page's member table in the tree's order, each mentor's mentees together: a mentor
// looking for "my mentees' weeks" finds one group under their name, not rows scattered by id.

export interface MemberGroup {
  /** `leads`; the direct mentees of `mentor` (in the tree or not); members `waiting` for a mentor. */
  kind: 'leads' | 'mentees-of' | 'waiting';
  mentor?: string;
  /** Member ids, each in exactly one group. */
  members: string[];
}

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Leads first; then, walking the tree from each lead (as the tree section draws it), each mentor's
 * direct mentees; then members whose mentor the tree does not reach, by mentor; then who waits.
 */
export function memberGroups(members: ReadonlyArray<{ id: string; role: Role; mentor?: string }>, tree: readonly TreeNode[]): MemberGroup[] {
  const grouped = new Set<string>();
  const take = (ids: string[]) => ids.filter((id) => !grouped.has(id) && grouped.add(id));
  const known = new Set(members.map((member) => member.id));
  const groups: MemberGroup[] = [{ kind: 'leads', members: take(members.filter((member) => member.role === 'lead').map((member) => member.id).sort(byId)) }];
  // Pre-order with a stack, not recursion: a tree of records with errors can be thousands deep.
  const stack = [...tree].reverse();
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    const children = take(node.children.map((child) => child.id).filter((id) => known.has(id)));
    if (children.length > 0) groups.push({ kind: 'mentees-of', mentor: node.id, members: children });
    for (let index = node.children.length - 1; index >= 0; index -= 1) stack.push(node.children[index]!);
  }
  const outside = new Map<string, string[]>();
  for (const member of members) {
    if (grouped.has(member.id) || member.mentor === undefined) continue;
    const ids = outside.get(member.mentor) ?? [];
    ids.push(member.id);
    outside.set(member.mentor, ids);
  }
  for (const mentor of [...outside.keys()].sort(byId)) groups.push({ kind: 'mentees-of', mentor, members: take(outside.get(mentor)!.sort(byId)) });
  groups.push({ kind: 'waiting', members: take(members.map((member) => member.id).sort(byId)) });
  return groups.filter((group) => group.members.length > 0);
}
