import { paintRules } from './chart.js';

// The dashboard's one style sheet, inline in every page: system fonts (no web font is fetched),
// a light and a dark scheme chosen by the reader's system, and colours with a contrast of at
// least 4.5:1 against the page for text. States always carry a word and a mark besides colour.

const LIGHT = `
  --paper:#ffffff; --ink:#1b1f24; --muted:#57606a; --grid:#d8dee4; --line:#d0d7de; --panel:#f6f8fa;
  --link:#0550ae; --lead:#8250df; --mentor:#0969da; --mentee:#1a7f37; --planned:#57606a;
  --overdue:#cf222e; --ok:#1a7f37; --pattern:rgba(255,255,255,0.75);
  --overdue-bg:#ffebe9; --ok-bg:#dafbe1; --warn-bg:#fff8c5; --none-bg:#f6f8fa;`;

const DARK = `
  --paper:#0d1117; --ink:#e6edf3; --muted:#9198a1; --grid:#30363d; --line:#3d444d; --panel:#151b23;
  --link:#4493f8; --lead:#ab7df8; --mentor:#4493f8; --mentee:#3fb950; --planned:#9198a1;
  --overdue:#f85149; --ok:#3fb950; --pattern:rgba(13,17,23,0.7);
  --overdue-bg:#3c1618; --ok-bg:#12261e; --warn-bg:#2e2a12; --none-bg:#151b23;`;

// Reflow (a 390 px phone, 200% zoom): only a table scrolls, inside its own box. Its box is
// positioned, so the screen-reader text in it (position:absolute) cannot stretch the page; a name
// in a table is cut with an ellipsis (the whole name stays in the text, and in a title). A
// picture scales down to its box, and under 720 px the one drawn narrow is shown instead (chart.ts).
// A table's caption is no wider than the screen (less the page's padding), and stays in view while
// its table scrolls sideways: otherwise the sentence that says what a table lists runs off a phone.
// A date or a week is never broken across lines.
// On paper (an A4 page is 718 px wide) nothing scrolls: a box would print only the part in view,
// and the latest weeks, at the right of the member table, would be cut off. Tables print smaller,
// names wrap, and the ink is the light scheme's whatever the reader's screen uses: a browser
// prints no backgrounds, and the dark scheme's light text would be all but invisible on paper.
const PRINT = `@media print{
:root{${LIGHT}}
header,main,footer{max-width:none;padding-left:0;padding-right:0}
nav{display:none}
.table-wrap,.chart{overflow:visible}
table{font-size:11px;min-width:0}
th,td{padding:2px 4px}
.weeks th,.weeks td{padding:2px 3px}
.id{font-size:10px}
td bdi,th bdi{max-width:10em}
.weeks tbody th{white-space:normal}
h2,h3{break-after:avoid}
tr,figure .chart{break-inside:avoid}
}
`;

export const SITE_CSS = `:root{color-scheme:light dark;${LIGHT}}
@media (prefers-color-scheme: dark){:root{${DARK}}}
*{box-sizing:border-box}
body{margin:0;background:var(--paper);color:var(--ink);font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;overflow-wrap:break-word}
header,main,footer{max-width:1100px;margin:0 auto;padding:0 20px}
header{padding-top:16px;border-bottom:1px solid var(--line)}
nav a{font-size:14px}
h1{font-size:28px;margin:6px 0 2px}
h2{font-size:21px;margin:34px 0 8px;padding-top:8px;border-top:1px solid var(--line)}
h3{font-size:17px;margin:22px 0 6px}
.sub{color:var(--muted);margin:0 0 14px}
a{color:var(--link)}
a:focus-visible,.table-wrap:focus-visible{outline:2px solid var(--link);outline-offset:2px}
.id{color:var(--muted);font:13px ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;white-space:nowrap}
bdi{unicode-bidi:isolate}
td bdi,th bdi{display:inline-block;max-width:18em;overflow:hidden;text-overflow:ellipsis;white-space:nowrap;vertical-align:bottom}
.cards{display:flex;flex-wrap:wrap;gap:12px;margin:16px 0;padding:0;list-style:none}
.cards li{background:var(--panel);border:1px solid var(--line);border-radius:8px;padding:10px 14px;min-width:150px}
.cards strong{display:block;font-size:26px;line-height:1.2}
.cards li.alert{border-color:var(--overdue);border-width:2px}
figure{margin:12px 0 24px}
.chart{overflow-x:auto;position:relative;background:var(--panel);border:1px solid var(--line);border-radius:8px;padding:8px}
.chart svg{display:block;max-width:100%;height:auto}
.chart svg.narrow,.narrow-only{display:none}
@media (max-width:719.98px){.chart svg.wide{display:none}.chart svg.narrow{display:block}.narrow-only{display:inline}}
time{white-space:nowrap}
figcaption{color:var(--muted);font-size:14px;margin:6px 0}
.table-wrap{overflow-x:auto;margin:8px 0 16px;position:relative}
table{border-collapse:collapse;font-size:14px;min-width:50%}
caption{text-align:left;color:var(--muted);font-size:13px;padding:4px 0;caption-side:top;position:sticky;left:0;max-width:calc(100vw - 40px)}
th,td{border-bottom:1px solid var(--line);padding:4px 10px;text-align:left;vertical-align:top}
thead th{border-bottom:2px solid var(--line);white-space:nowrap}
tbody th{font-weight:normal}
.num{text-align:right;font-variant-numeric:tabular-nums}
.badge{display:inline-block;border-radius:10px;padding:0 8px;font-size:13px;white-space:nowrap;border:1px solid var(--line)}
.badge.overdue{background:var(--overdue-bg);border-color:var(--overdue);font-weight:600}
.badge.ok,.badge.running{background:var(--ok-bg)}
.badge.warn,.badge.waiting{background:var(--warn-bg)}
.weeks tbody th{white-space:nowrap}
.weeks thead th{white-space:normal;vertical-align:bottom}
.weeks th,.weeks td{padding:4px 6px}
.weeks tr.group th{font-weight:600;background:var(--panel);padding-top:10px}
.weeks tr:target>th{box-shadow:inset 4px 0 0 var(--ink);font-weight:600}
.weeks td.w{text-align:center;font-variant-numeric:tabular-nums;white-space:nowrap}
.weeks td.none{background:var(--none-bg);color:var(--muted)}
.weeks td.low{background:var(--warn-bg)}
.weeks td.met{background:var(--ok-bg)}
.empty{color:var(--muted);font-style:italic}
.sr{position:absolute;width:1px;height:1px;margin:-1px;padding:0;border:0;overflow:hidden;clip:rect(0 0 0 0);clip-path:inset(50%);white-space:nowrap}
details{margin:6px 0}
summary{cursor:pointer}
ul.tree{list-style:none;padding-left:18px;margin:2px 0}
ul.tree li{margin:1px 0}
.role{font-size:12px;color:var(--muted)}
footer{color:var(--muted);font-size:13px;padding-top:24px;padding-bottom:24px}
${paintRules()}${PRINT}`;
