import { htmlText } from '../escape.js';
import { SITE_CSS } from './style.js';
import { readableLocalTime } from '../words.js';

// HTML building blocks of the dashboard. Every text from the records goes through `text()` (or
// `name()`), never into markup by hand: names, cohort names and wanted skills are hostile.


/** Bidirectional overrides and isolates: `<bdi>` isolates names, and no honest name needs them. */
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;

/** Text for an HTML element or a quoted attribute. */
export function text(value: string | number): string {
  return htmlText(String(value).replace(BIDI_CONTROLS, ''));
}

/** The site folder's folder of cohort pages, and where a cohort's page is in the site folder. */
export const COHORT_PAGES = 'cohorts';
/** In every page's footer, since the first dashboard: how `site` knows a page it wrote from one of the user's. */
export const SITE_MARK = 'Written by <code>mentor site</code>';
export const cohortPage = (id: string): string => `${COHORT_PAGES}/${id}.html`;

/** A link to a cohort's page from a page `root` folders up, showing `shown` (HTML already). */
export const cohortLink = (id: string, shown: string, root = ''): string => `<a href="${root}${text(cohortPage(id))}">${shown}</a>`;

/** A person's or a cohort's name, isolated so right-to-left text cannot reorder what is around it. */
export function name(value: string): string {
  return `<bdi>${text(value)}</bdi>`;
}

/**
 * Invisible characters that can make one name look like another in a picture, where no id stands
 * beside it: zero-width spaces, direction marks and controls. Joiners (U+200C, U+200D) stay:
 * Persian, Indic scripts and emoji need them.
 */
const INVISIBLE = /[\u200b\u200e\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;

/** A short label for a picture: no invisible characters, at most `max` characters. */
export function label(value: string, max = 32): string {
  const visible = value.replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
  const chars = [...visible];
  return chars.length <= max ? visible : `${chars.slice(0, max - 1).join('')}…`;
}

/**
 * The id of a member's row on a cohort page, so `cohorts/<cohort>.html#<person>` opens it. A
 * person id that could be one of the page's own ids (a section, a picture, a group) gets a prefix
 * with an underscore, which no person id holds.
 */
export function memberAnchor(id: string): string {
  return PAGE_IDS.test(id) ? `member_${id}` : id;
}
const PAGE_IDS = /^(tree|waiting|hours|weeks|ended|left-out|outside|branch|mentees-of|main)(-|$)/;

/** The id of the group of a mentor's direct mentees in a cohort page's member table. */
export const menteesAnchor = (mentor: string): string => `mentees-of-${mentor}`;

/** A person as the tables show them: the name, and the id (plain letters) beside it. */
export function person(displayName: string, id: string): string {
  if (displayName === id) return `<span class="id">${text(id)}</span>`;
  // A name too long for its column is cut with an ellipsis there: the title shows it whole.
  const shown = [...displayName].length > LONG_NAME ? `<bdi title="${text(displayName)}">${text(displayName)}</bdi>` : name(displayName);
  return `${shown} <span class="id">${text(id)}</span>`;
}

/** Past this many characters a name may not fit its table column (18em in the style sheet). */
const LONG_NAME = 28;

export function hours(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return Number.isInteger(value) ? String(value) : value.toFixed(value * 10 === Math.round(value * 10) ? 1 : 2);
}

export interface Column {
  head: string;
  /** Right-aligned numbers. */
  numeric?: boolean;
}

/** A table with a caption; cells are HTML already escaped by the caller. */
export function table(caption: string, columns: readonly Column[], rows: readonly (readonly string[])[], options: { empty?: string; className?: string } = {}): string {
  if (rows.length === 0) return `<p class="empty">${text(options.empty ?? 'Nothing to show.')}</p>\n`;
  const cls = (column: Column | undefined) => (column?.numeric ? ' class="num"' : '');
  const head = columns.map((column) => `<th scope="col"${cls(column)}>${column.head}</th>`).join('');
  const body = rows.map((row) => `<tr>${row.map((cell, index) => (index === 0 ? `<th scope="row">${cell}</th>` : `<td${cls(columns[index])}>${cell}</td>`)).join('')}</tr>`).join('\n');
  return `<div class="table-wrap"><table${options.className ? ` class="${options.className}"` : ''}>\n<caption>${caption}</caption>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table></div>\n`;
}

/** A picture with its text equivalent: the caption names it, the table below holds its numbers. */
export function figure(id: string, caption: string, svg: string, equivalent: string): string {
  return `<figure id="${text(id)}">\n<div class="chart">${svg}</div>\n<figcaption>${caption}</figcaption>\n${equivalent}</figure>\n`;
}

/** When the site was built, for a reader, in the program's zone: "Tuesday 24 November 2026, 09:00 (America/Los_Angeles)". */
export function asOf(program: { now: string; timezone: string }): string {
  return `<time datetime="${text(program.now)}">${text(readableLocalTime(program.now))}</time> (${text(program.timezone)})`;
}

/** A date (2026-09-07) or an ISO week (2026-W37), never broken across two lines. */
export const when = (value: string): string => `<time datetime="${text(value)}">${text(value)}</time>`;

export interface PageOptions {
  title: string;
  /** The path from this page to the site's root: '' or '../'. */
  root: string;
  heading: string;
  subheading: string;
  body: string;
  /** More links after the one to the program's page (HTML). */
  nav?: string;
}

/**
 * A whole page. The content security policy forbids scripts and every request: the page is
 * inline markup, inline styles and inline SVG, and works the same without JavaScript. An empty
 * icon is declared, or a browser asks the site's host for /favicon.ico, outside the folder on a
 * GitHub Pages project site.
 */
export function page(options: PageOptions): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'">
<meta name="referrer" content="no-referrer">
<meta name="color-scheme" content="light dark">
<link rel="icon" href="data:,">
<title>${options.title}</title>
<style>
${SITE_CSS}</style>
</head>
<body>
<header>
<nav><a href="${options.root}index.html"${options.root === '' ? ' aria-current="page"' : ''}>Program</a>${options.nav ?? ''}</nav>
<h1>${options.heading}</h1>
<p class="sub">${options.subheading}</p>
</header>
<main>
${namedTableBoxes(options.body)}</main>
<footer><p>${SITE_MARK} from the program's records. Every picture has a table with the same numbers.</p></footer>
</body>
</html>
`;
}

/**
 * Each table's box (it scrolls sideways on a phone) made a region a keyboard can reach and scroll,
 * named by the table's caption (its words, without markup): Safari makes no scroll box focusable
 * of itself.
 */
function namedTableBoxes(body: string): string {
  return body.replace(/<div class="table-wrap">(<table[^>]*>\n<caption>)([\s\S]*?)<\/caption>/g, (_, open: string, caption: string) => {
    const words = caption.replace(/<[^>]*>/g, '').replace(/\s+/g, ' ').trim();
    return `<div class="table-wrap" role="region" tabindex="0" aria-label="${words}">${open}${caption}</caption>`;
  });
}

export function section(id: string, heading: string, content: string): string {
  return `<section id="${text(id)}" aria-labelledby="${text(id)}-h">\n<h2 id="${text(id)}-h">${heading}</h2>\n${content}</section>\n`;
}

/** A state as a word with a mark, so it never depends on colour alone. */
export function badge(kind: 'overdue' | 'ok' | 'running' | 'upcoming' | 'finished' | 'waiting' | 'warn', words: string): string {
  const mark = { overdue: '⚠', ok: '✓', running: '●', upcoming: '○', finished: '■', waiting: '…', warn: '▼' }[kind];
  return `<span class="badge ${kind}"><span aria-hidden="true">${mark}</span> ${text(words)}</span>`;
}

