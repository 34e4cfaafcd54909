import { AFOM_COLORS, AFOM_LABELS, DEBATE_COLORS, DEBATE_LABELS } from '@semis/shared/posters';
import { REPORT_WORDS, fill, plural } from '@semis/shared';
import type { AtelierReport, CandidateReport, NoteColumn, ReportData, ReportIdea, VoteReport } from './collect';
import { atelierPages, countLabels, formatDate, historyLines, stepLines, rankLabel, ratedItems, ratingChart, ratingLine, voteBars } from './common';

/**
 * The report as one printable HTML page: no script, no external resource (the route's CSP
 * allows only its own inline styles and data: images). Same content as the PDF.
 */
export function renderHtml(data: ReportData): string {
  const w = REPORT_WORDS[data.lang];
  const when = data.event.date ? formatDate(data.event.date, data.lang) : w.noDate;
  const counts = countLabels(data).map(([n, label]) => `<div class="count"><b>${n}</b><span>${esc(label)}</span></div>`).join('');
  const body = [
    `<header class="cover"><p class="eyebrow">${esc(w.title)} · ${esc(w.subtitle)}</p><h1>${esc(data.event.name)}</h1>`,
    `<p class="when">${esc([when, data.event.place].filter(Boolean).join(' · '))}</p><div class="counts">${counts}</div>`,
    data.intro ? `<section><h2>${esc(w.intro)}</h2>${data.intro.split(/\n{2,}/).map((p) => `<p>${esc(p)}</p>`).join('')}</section>` : '',
    data.ateliers.length && atelierPages(data) ? `<nav><h2>${esc(w.contents)}</h2><ol>${data.ateliers.map((a) => `<li><a href="#a-${a.id}">${esc(a.title)}</a></li>`).join('')}</ol></nav>` : '',
    `<p class="hint">${esc(fill(w.generatedOn, { date: formatDate(data.generatedAt, data.lang) }))}</p></header>`,
    ...(atelierPages(data) ? data.ateliers : []).map((a, i) => atelier(a, i + 1, data)),
    data.sections.has('candidates') ? candidates(data.candidates, data) : '',
    data.sections.has('plenary') && data.plenary ? `<section class="page"><h1>${esc(w.plenary)}</h1>${vote(data.plenary, data)}</section>` : '',
    data.sections.has('method') ? `<section><h2>${esc(w.method)}</h2>${w.methodText.map((p) => `<p class="hint">${esc(p)}</p>`).join('')}</section>` : '',
  ].join('\n');
  return `<!doctype html>
<html lang="${data.lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(`${w.title} — ${data.event.name}`)}</title><style>${CSS}</style></head>
<body><main>${body}</main></body></html>`;
}

function atelier(a: AtelierReport, index: number, data: ReportData): string {
  const w = REPORT_WORDS[data.lang];
  const idea = (x: ReportIdea) => `<li>${esc(x.text)}${x.author ? ` <span class="author">— ${esc(x.author)}</span>` : ''}</li>`;
  const parts = [
    `<section class="page" id="a-${a.id}"><p class="eyebrow">${esc([`${w.atelier} ${index}`, a.theme].filter(Boolean).join(' · '))}</p><h1>${esc(a.title)}</h1>`,
    a.question ? `<blockquote>${esc(a.question)}</blockquote>` : '',
  ];
  if (data.sections.has('ideas')) {
    parts.push(`<h2>${esc(w.ideas)} (${a.ideaCount})</h2>`);
    if (a.anonymous) parts.push(`<p class="hint">${esc(w.anonymous)}</p>`);
    if (a.ideaCount === 0) parts.push(`<p class="hint">${esc(w.noIdeas)}</p>`);
    for (const c of a.clusters) parts.push(`<h3>${esc(c.title)} (${c.ideas.length})</h3><ul>${c.ideas.map(idea).join('')}</ul>`);
    if (a.unclustered.length) parts.push(`${a.clusters.length ? `<h3>${esc(w.unclustered)} (${a.unclustered.length})</h3>` : ''}<ul>${a.unclustered.map(idea).join('')}</ul>`);
  }
  if (data.sections.has('votes')) parts.push(`<h2>${esc(w.votes)}</h2>${a.vote ? vote(a.vote, data) : `<p class="hint">${esc(w.noVote)}</p>`}`);
  for (const p of a.posters) parts.push(`<figure class="poster"><figcaption><h2>${esc(w.poster)} — ${esc(p.group)}</h2></figcaption>${p.svg}</figure>`);
  for (const x of a.afoms) parts.push(`<h2>${esc(w.afom)}${x.group ? ` — ${esc(x.group)}` : ''}</h2><div class="afom">${notes(x.columns, AFOM_LABELS[data.lang], AFOM_COLORS, w.empty)}</div>`);
  for (const d of a.debates) {
    parts.push(`<h2>${esc(w.debates)}${d.group ? ` — ${esc(d.group)}` : ''}</h2>${d.statement ? `<blockquote>${esc(w.scenario)} : ${esc(d.statement)}</blockquote>` : ''}`);
    parts.push(`<div class="debate">${notes(d.columns.filter((c) => c.notes.length), DEBATE_LABELS[data.lang], DEBATE_COLORS, w.empty)}</div>`);
  }
  parts.push('</section>');
  return parts.join('\n');
}

function notes(columns: NoteColumn[], labels: Record<string, string>, colors: Record<string, string>, empty: string): string {
  return columns
    .map((c) => `<div class="cell" style="background:${colors[c.id] ?? '#eee'}"><h3>${esc(labels[c.id] ?? c.id)}</h3>${c.notes.length ? `<ul>${c.notes.map((x) => `<li>${esc(x)}</li>`).join('')}</ul>` : `<p class="hint">${esc(empty)}</p>`}</div>`)
    .join('');
}

function vote(v: VoteReport, data: ReportData): string {
  const w = REPORT_WORDS[data.lang];
  const head = `<p class="hint">${esc(v.mode === 'dots' ? w.dotsVote : w.ratingVote)} · ${esc(plural(w.voters, v.participants))}</p>`;
  if (v.mode === 'dots') return `${head}<figure class="chart">${voteBars(v, data.lang)}</figure>`;
  const unrated = v.ratings.filter((r) => r.raters === 0).map((r) => `<li>${esc(`${r.title} : ${w.notRated}`)}</li>`);
  return `${head}<figure class="chart rating">${ratingChart(v, data.lang)}</figure><ul>${ratedItems(v).map((r, i) => `<li>${esc(ratingLine(r, i, data.lang))}</li>`).join('')}${unrated.join('')}</ul>`;
}

function candidates(list: CandidateReport[], data: ReportData): string {
  const w = REPORT_WORDS[data.lang];
  const card = (c: CandidateReport) => {
    const field = (label: string, value: string | undefined) => (value?.trim() ? `<h3>${esc(label)}</h3><p class="pre">${esc(value)}</p>` : '');
    const rows = c.stakeholders.filter((s) => s.apports.trim() || s.interets.trim());
    const vote = c.votes.rank !== null && c.votes.dots > 0 ? ` · ${esc(w.atelierVote)} : ${esc(plural(w.dots, c.votes.dots))}, ${esc(rankLabel(c.votes.rank, data.lang))}` : '';
    return [
      `<article class="candidate"><h2>${esc(c.title)}</h2>`,
      `<p class="hint">${esc(w.status)} : <b>${esc(w.statuses[c.status] ?? c.status)}</b> · ${esc(w.fromAtelier)} : ${esc(c.atelierTitle)}${vote}</p>`,
      field(w.besoin, c.besoin), field(w.ressources, c.ressources), field(w.economicModel, c.modeleEconomique),
      field(w.porteur, c.porteur), field(w.nextSteps, c.nextSteps), field(w.steps, stepLines(c, data.lang).join('\n')),
      rows.length
        ? `<h3>${esc(w.stakeholders)}</h3><table><thead><tr><th>${esc(w.partie)}</th><th>${esc(w.apports)}</th><th>${esc(w.interets)}</th></tr></thead><tbody>${rows
            .map((r) => `<tr><td>${esc(r.partie)}</td><td>${esc(r.apports)}</td><td>${esc(r.interets)}</td></tr>`)
            .join('')}</tbody></table>`
        : '',
      c.history.length > 1 ? field(w.history, historyLines(c, data.lang).join('\n')) : '',
      '</article>',
    ].join('');
  };
  return `<section class="page"><h1>${esc(w.candidates)}</h1>${list.length ? list.map(card).join('') : `<p class="hint">${esc(w.noCandidates)}</p>`}</section>`;
}

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const CSS = `
:root{color:#1b1f1c;font-family:"DejaVu Sans","Noto Sans",system-ui,sans-serif;line-height:1.45}
body{margin:0;background:#f2f4f1}main{max-width:52rem;margin:0 auto;background:#fff;padding:2.5rem 3rem}
h1{color:#143d27;font-size:1.9rem;margin:.2rem 0 .6rem}h2{color:#143d27;font-size:1.3rem;margin:1.6rem 0 .5rem}h3{font-size:1.05rem;margin:1rem 0 .3rem}
.eyebrow{color:#1f7a4a;font-weight:bold;text-transform:uppercase;letter-spacing:.06em;font-size:.8rem;margin:0}
.cover{border-bottom:2px solid #e3f0e7;padding-bottom:1rem}.when{color:#4f5a52;font-size:1.1rem}
.counts{display:flex;gap:.5rem;flex-wrap:wrap;margin:1rem 0}.count{background:#f7f6f1;border-radius:6px;padding:.6rem 1rem;text-align:center;min-width:6.5rem}
.count b{display:block;color:#1f7a4a;font-size:1.6rem}.count span{color:#4f5a52;font-size:.85rem}
blockquote{border-left:4px solid #1f7a4a;margin:.6rem 0;padding:.3rem 1rem;color:#143d27;font-style:italic;font-size:1.1rem}
ul{padding-left:1.3rem}li{margin:.15rem 0}.author{color:#4f5a52;font-style:italic;font-size:.9em}.hint{color:#4f5a52;font-size:.92rem}
figure{margin:1rem 0}figure svg{max-width:100%;height:auto;display:block}.poster svg{border:1px solid #c9d3cb}.chart.rating svg{max-width:26rem}
.afom{display:grid;grid-template-columns:1fr 1fr;gap:.6rem}.debate{display:grid;grid-template-columns:repeat(auto-fill,minmax(14rem,1fr));gap:.6rem}
.cell{border-radius:6px;padding:.5rem .8rem}.cell h3{margin-top:0}
.candidate{border-top:1px solid #c9d3cb;padding-top:.5rem;margin-top:1rem;break-inside:avoid-page}.pre{white-space:pre-wrap}
table{border-collapse:collapse;width:100%;font-size:.92rem}th,td{border-bottom:1px solid #c9d3cb;text-align:left;vertical-align:top;padding:.3rem .4rem}th{background:#e3f0e7}
@media print{body{background:#fff}main{max-width:none;padding:0}.page{break-before:page}figure,tr,.cell{break-inside:avoid}a{color:inherit;text-decoration:none}}
@page{size:A4;margin:18mm 16mm}
`;
