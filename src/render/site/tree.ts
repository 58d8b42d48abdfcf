import type { TreeNode } from '../../core/report.js';
import type { CohortPage } from '../../core/site-cohort.js';
import { ROLES, tierAbove } from '../../domain/tiers.js';
import type { Role } from '../../model/schemas.js';
import { NARROW_WIDTH, PAINT, renderChart } from './chart.js';
import { badge, figure, label, memberAnchor, menteesAnchor, person, section, text } from './html.js';
import { plural } from '../words.js';
import { namesToldApart } from './same-names.js';

// The tree as a picture a person can read at 13 members and at 800: one picture per lead, and
// where a lead's branch has more mentees than fit in a readable column, each mentor shows its
// number of mentees instead of one row per mentee. The nested list below names every member.

/** Most leaf rows one lead's picture draws before mentors show a count instead of their mentees. */
export const MOST_ROWS = 40;
const ROW = 22;

const SHAPE: Record<Role, { symbol: string; size: number; mark: string }> = {
  lead: { symbol: 'roundRect', size: 14, mark: '■' },
  mentor: { symbol: 'circle', size: 11, mark: '●' },
  mentee: { symbol: 'triangle', size: 10, mark: '▲' },
};

const leaves = (node: TreeNode): number => (node.children.length === 0 ? 1 : node.children.reduce((sum, child) => sum + leaves(child), 0));
/** Members of a role in a branch, its top included: a branch may have a mentor at its top, one still waiting for a lead. */
const countIn = (node: TreeNode, role: Role): number => node.children.reduce((sum, child) => sum + countIn(child, role), node.role === role ? 1 : 0);

interface ChartNode {
  name: string;
  symbol: string;
  symbolSize: number;
  itemStyle: { color: string; borderColor: string };
  label?: { position?: 'top'; distance?: number; overflow?: 'none' };
  children: ChartNode[];
}

/** A node's name cut to `max`, with its id where another member of the cohort draws the same name (its id kept whole: the name is cut shorter). */
function nodeName(node: TreeNode, max: number, apart: ReadonlySet<string>): string {
  return apart.has(node.id) ? `${label(node.name, Math.max(4, max - node.id.length - 3))} (${node.id})` : label(node.name, max);
}

/** The members whose name, cut to `max`, another member of the cohort's tree draws too. */
function alikeIds(tree: readonly TreeNode[], max: number): Set<string> {
  const nodes: TreeNode[] = [];
  const walk = (node: TreeNode) => (nodes.push(node), node.children.forEach(walk));
  tree.forEach(walk);
  return new Set(namesToldApart(nodes, max).flatMap((told, index) => (told.apart === undefined ? [] : [nodes[index]!.id])));
}

function chartNode(node: TreeNode, compact: boolean, narrow: boolean, apart: ReadonlySet<string>): ChartNode {
  const shape = SHAPE[node.role];
  const folded = compact && node.role === 'mentor' && node.children.length > 0;
  const mentees = folded ? ` · ${plural(node.children.length, 'mentee')}` : '';
  // On a narrow screen a mentor with mentees has its label above it, clear of its lead's.
  const above = narrow && node.role !== 'lead' && !folded && node.children.length > 0;
  return {
    name: `${nodeName(node, narrow ? 12 : 26, apart)}${mentees}`,
    symbol: shape.symbol,
    symbolSize: shape.size,
    itemStyle: { color: PAINT[node.role], borderColor: PAINT.panel },
    // A folded mentor's count must show whole: its label is never cut (its name part is short already).
    ...(above ? { label: { position: 'top' as const, distance: 4 } } : folded ? { label: { overflow: 'none' as const } } : {}),
    children: folded ? [] : node.children.map((child) => chartNode(child, compact, narrow, apart)),
  };
}

/** One lead's branch, drawn left to right: lead, mentors, mentees; narrower, with shorter names, for a phone. `tree`: the cohort's, whose names alike get their ids. */
export function leadPicture(lead: TreeNode, id: string, tree: readonly TreeNode[], narrow = false): { svg: string; compact: boolean } {
  const compact = leaves(lead) > MOST_ROWS;
  const apart = alikeIds(tree, narrow ? 12 : 26);
  const root = chartNode(lead, compact, narrow, apart);
  const rows = compact ? Math.max(1, lead.children.length) : leaves(lead);
  const depth = compact || lead.children.every((child) => child.children.length === 0) ? 2 : 3;
  const wide = { width: depth === 2 ? 690 : 910, left: 230, right: 260, fontSize: 12 };
  // Narrow: room on the left for a 12-character lead, on the right for a mentee or a mentor with its count.
  const small = { width: NARROW_WIDTH, left: 100, right: compact ? 168 : 128, fontSize: 11 };
  const size = narrow ? small : wide;
  const height = Math.max(90, rows * ROW + 30);
  const svg = renderChart(
    {
      series: [
        {
          type: 'tree',
          data: [root],
          orient: 'LR',
          left: size.left,
          right: size.right,
          top: 15,
          bottom: 15,
          initialTreeDepth: -1,
          expandAndCollapse: false,
          roam: false,
          silent: true,
          lineStyle: { color: PAINT.muted, width: 1.2, curveness: 0.5 },
          // A name is cut (…) to the room beside its node, as the browser's font measures it wider
          // than its character count says (W, M, CJK): it never runs past the picture's edge.
          label: { position: 'left', distance: 8, color: PAINT.ink, fontSize: size.fontSize, backgroundColor: PAINT.panel, padding: [1, 3], width: size.left - 24, overflow: 'truncate', ellipsis: '…' },
          leaves: { label: { position: 'right', distance: 8, width: size.right - 24 } },
          emphasis: { disabled: true },
        },
      ],
    },
    { id, width: size.width, height, title: `Tree of ${nodeName(lead, 60, alikeIds(tree, 60))}'s branch`, narrow },
  );
  return { svg, compact };
}

/** `linked`: the page has a member table, so each name links to its row and each count to the mentees' rows. */
function listItem(node: TreeNode, linked: boolean): string {
  const count = `${node.children.length} direct`;
  const mentees = node.children.length > 0 ? ` <span class="role">(${linked ? `<a href="#${text(menteesAnchor(node.id))}">${count}</a>` : count})</span>` : '';
  const children = node.children.length > 0 ? `\n<ul class="tree">\n${node.children.map((child) => listItem(child, linked)).join('\n')}\n</ul>` : '';
  const who = linked ? `<a href="#${text(memberAnchor(node.id))}">${person(node.name, node.id)}</a>` : person(node.name, node.id);
  return `<li><span aria-hidden="true">${SHAPE[node.role].mark}</span> ${who} <span class="role">${node.role}</span>${mentees}${children}</li>`;
}

/** The tree section of a cohort page: a picture and a nested list per lead, then who is outside. */
export function treeSection(cohort: CohortPage): string {
  const legend = `Shapes: ${ROLES.map((role) => `${SHAPE[role].mark} ${role}`).join(', ')}.`;
  const bigCohort = cohort.counts.members > 60;
  const branches = cohort.tree.map((lead, index) => {
    const { svg: wide, compact } = leadPicture(lead, `tree-${index}`, cohort.tree);
    const svg = `${wide}\n${leadPicture(lead, `tree-${index}`, cohort.tree, true).svg}`;
    const caption = `${text(label(lead.name, 60))}'s branch: ${plural(countIn(lead, 'mentor'), 'mentor')}, ${plural(countIn(lead, 'mentee'), 'mentee')}. ${legend}${compact ? ` Each mentor shows its number of mentees; the list names them all.` : ''}`;
    const list = `<details${bigCohort ? '' : ' open'}><summary>Everyone in ${text(label(lead.name, 60))}'s branch, as a list</summary>\n<ul class="tree">\n${listItem(lead, cohort.weeks.length > 0)}\n</ul>\n</details>\n`;
    return `<h3 id="branch-${text(lead.id)}">${person(lead.name, lead.id)}</h3>\n${figure(`tree-${index}`, caption, svg, list)}`;
  });
  const outside = cohort.unplaced.map(
    (member) =>
      `<li>${person(member.name, member.id)} <span class="role">${member.role}</span> ${
        member.reason !== 'waiting' ? badge('warn', `mentor ${member.mentor ?? ''} is not in this cohort's tree`)
        // A finished cohort's member without a mentor waits no more: never placed, as its waiting section says.
        : cohort.state === 'finished' ? badge('warn', 'never placed')
        : badge('waiting', `waiting for a ${tierAbove(member.role) ?? 'mentor'}`)
      }</li>`,
  );
  const outsidePart = outside.length === 0 ? '' : `<h3 id="outside">Not in the tree (${outside.length})</h3>\n<ul class="tree">\n${outside.join('\n')}\n</ul>\n`;
  const none = cohort.tree.length === 0 ? '<p class="empty">This cohort has no lead yet, so no tree to draw.</p>\n' : '';
  const toc =
    cohort.tree.length > 3 ? `<p>Branches: ${cohort.tree.map((lead) => `<a href="#branch-${text(lead.id)}">${person(lead.name, lead.id)}</a>`).join(', ')}${outside.length ? `, <a href="#outside">not in the tree</a>` : ''}.</p>\n` : '';
  return section('tree', 'The tree', `<p>Who mentors whom: ${plural(cohort.counts.leads, 'lead')}, ${plural(cohort.counts.mentors, 'mentor')}, ${plural(cohort.counts.mentees, 'mentee', 'mentees')}.</p>\n${toc}${none}${branches.join('')}${outsidePart}`);
}
