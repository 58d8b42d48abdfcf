import type { SiteWaiting } from '../../core/site.js';
import { axes, NARROW_WIDTH, PAINT, pattern, renderChart, twoWidths } from './chart.js';
import { badge, cohortLink, figure, hours, person, table, text, when } from './html.js';
import { namesToldApart } from './same-names.js';

// Who is waiting for a mentor, and for how long against the promise (requestSlaHours): overdue
// first. The picture draws the longest waits; the table lists everyone.

/** Most bars the picture draws; the table below it lists every waiting member. */
export const MOST_BARS = 30;

/**
 * `endedOn`: the cohort finished on that day, so its members still without a mentor were never
 * placed there; their waits are measured to its end and stay as they were.
 */
export function waitingPart(waiting: readonly SiteWaiting[], slaHours: number, options: { cohortLinks: boolean; root: string; endedOn?: string }): string {
  const ended = options.endedOn;
  if (waiting.length === 0) return `<p class="empty">${ended === undefined ? 'Nobody is waiting for a mentor.' : 'Everyone who asked had a mentor by the end of the cohort.'}</p>\n`;
  const overdue = waiting.filter((member) => member.overdue).length;
  const drawn = waiting.filter((member) => member.waitedHours !== undefined).slice(0, MOST_BARS);
  const rows = waiting.map((member) => {
    const live = member.overdue ? badge('overdue', 'overdue')
      : member.waitedHours === undefined ? badge('waiting', 'no request time')
      : member.requestedAtInFuture ? badge('warn', 'asked at a time still to come: correct requestedAt')
      : badge('ok', 'within the promise');
    const status = ended === undefined ? live : badge(member.overdue ? 'overdue' : 'warn', member.overdue ? 'never placed, past the promise' : 'never placed');
    const cohort = options.cohortLinks ? [cohortLink(member.cohort, text(member.cohort), options.root)] : [];
    return [person(member.name, member.id), status, hours(member.waitedHours), ...cohort, member.role, member.wants.map(text).join(', ') || '—'];
  });
  const columns = [{ head: 'Member' }, { head: 'Status' }, { head: 'Hours waiting', numeric: true }, ...(options.cohortLinks ? [{ head: 'Cohort' }] : []), { head: 'Tier' }, { head: 'Wants' }];
  const summary =
    ended === undefined
      ? `${waiting.length} waiting, ${overdue} overdue (the promise: a mentor within ${hours(slaHours)} hours). Overdue first, then the longest waiting.`
      : `${waiting.length} never placed: the cohort ended on ${when(ended)} while they waited, ${overdue} of them past the ${hours(slaHours)}-hour promise. Hours waiting are counted to the end of the cohort.`;
  const list = table(summary, columns, rows);
  if (drawn.length === 0) return list;
  const title = `Hours waiting for a mentor against the ${hours(slaHours)}-hour promise`;
  const svg = twoWidths((narrow) => waitingSvg(drawn, slaHours, ended !== undefined, title, narrow));
  const more = waiting.length > drawn.length ? ` It draws the ${drawn.length} with a request time who waited longest; the table lists all ${waiting.length}.` : '';
  const caption = `${text(title)}${ended === undefined ? '' : `, to the end of the cohort on ${when(ended)}`}. Striped bars marked ${ended === undefined ? 'OVERDUE' : 'PAST THE PROMISE'} have waited past the promise; the dashed line is the promise.${more}`;
  return figure('waiting-picture', caption, svg, list);
}

/** The bars of the longest waits against the promise; on a narrow screen, shorter names and a smaller label. */
function waitingSvg(drawn: readonly SiteWaiting[], slaHours: number, ended: boolean, title: string, narrow: boolean): string {
  const mark = ended ? 'PAST THE PROMISE' : 'OVERDUE';
  // Room on the right for the longest label beside the longest bar: "89.9 h  OVERDUE", "566 h  PAST THE PROMISE".
  const right = narrow ? (ended ? 150 : 96) : ended ? 200 : 130;
  const left = narrow ? 90 : 210;
  const labels = barLabels(drawn, narrow ? 12 : 26);
  return renderChart(
    {
      grid: { left, right, top: 34, bottom: 30 },
      ...axes(
        labels,
        { horizontal: true, valueName: 'hours', valueMax: Math.max(slaHours * 1.15, ...drawn.map((member) => member.waitedHours!)), labelWidth: left - 10 },
      ),
      series: [
        {
          type: 'bar',
          barMaxWidth: 18,
          data: drawn.map((member) => ({
            value: member.waitedHours!,
            itemStyle: member.overdue ? { color: PAINT.overdue, ...pattern('stripes') } : { color: PAINT.ok },
            label: { show: true, position: 'right', color: PAINT.ink, ...(narrow ? { fontSize: 11 } : {}), formatter: member.overdue ? `{c} h${narrow ? ' ' : '  '}${mark}` : '{c} h' },
          })),
          markLine: {
            silent: true,
            symbol: 'none',
            lineStyle: { color: PAINT.overdue, type: 'dashed', width: 2 },
            label: { formatter: `promise: ${hours(slaHours)} h`, color: PAINT.ink, position: 'start' },
            data: [{ xAxis: slaHours }],
          },
        },
      ],
    },
    { id: 'waiting', width: narrow ? NARROW_WIDTH : 760, height: Math.max(120, drawn.length * (labels.some((text) => text.includes('\n')) ? 36 : 26) + 70), title, narrow },
  );
}

/** Each bar's name; bars of the same name get a second line: the cohort, for one person waiting in several (on the index), else the person's id. */
function barLabels(drawn: readonly SiteWaiting[], max: number): string[] {
  const told = namesToldApart(drawn, max, (member, same) => (same.filter((other) => other.id === member.id).length > 1 ? member.cohort : member.id));
  return told.map(({ name, apart }) => (apart === undefined ? name : `${name}\n${apart}`));
}
