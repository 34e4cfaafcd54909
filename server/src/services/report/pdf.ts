import fs from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import { AFOM_COLORS, AFOM_LABELS, DEBATE_COLORS, DEBATE_LABELS } from '@semis/shared/posters';
import { REPORT_WORDS, fill, plural, type Language } from '@semis/shared';
import { AppError } from '../../errors';
import { turnIsBusy, yieldIfBusy } from '../../limits/loopSlice';
import type { AtelierReport, CandidateReport, NoteColumn, ReportData, ReportIdea, VoteReport } from './collect';
import { atelierPages, countLabels, formatDate, historyLines, stepLines, rankLabel, ratedItems, ratingChart, ratingLine, voteBars } from './common';

/** The report as an A4 PDF: real text in embedded DejaVu fonts (accents, œ, « »), vector charts. */

const require = createRequire(import.meta.url);
// Read once: every report embeds a subset of these.
const FONTS = {
  regular: fs.readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')),
  bold: fs.readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf')),
  italic: fs.readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Oblique.ttf')),
};

const GREEN = '#143d27';
const ACCENT = '#1f7a4a';
const GREY = '#4f5a52';
const INK = '#1b1f1c';
const MARGIN = 56;
/** Height of the souhaitable × réaliste chart on the page. */
const RATING_H = 300;

/** Past this the output is refused rather than handed to a browser (posters carry images). */
export const MAX_PDF_BYTES = 80 * 1024 * 1024;

type Doc = PDFKit.PDFDocument;
/** Timers and the live evening first when this turn has run its slice: pdfkit is synchronous,
 * an idea's bullet ~10 ms in embedded fonts, and 2,000 of them held the loop 19 s. */
const breathe = () => (turnIsBusy() ? yieldIfBusy() : undefined);

export async function renderPdf(data: ReportData): Promise<Buffer> {
  const w = REPORT_WORDS[data.lang];
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN + 10, left: MARGIN, right: MARGIN },
    bufferPages: true,
    autoFirstPage: false,
    info: { Title: `${w.title} — ${data.event.name}`, Creator: 'Semis', Producer: 'Semis' },
    lang: data.lang,
    displayTitle: true,
  });
  doc.registerFont('Sans', FONTS.regular);
  doc.registerFont('Sans-Bold', FONTS.bold);
  doc.registerFont('Sans-Oblique', FONTS.italic);
  const chunks: Buffer[] = [];
  let size = 0;
  let tooLarge = false;
  doc.on('data', (c: Buffer) => {
    size += c.length;
    if (size > MAX_PDF_BYTES) tooLarge = true;
    else chunks.push(c);
  });
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  const p = new Pdf(doc, data.lang);

  p.cover(data);
  for (const [i, a] of (atelierPages(data) ? data.ateliers : []).entries()) {
    // pdfkit is synchronous: the live evening is served between ateliers and ideas.
    await breathe();
    if (tooLarge) break;
    await p.atelier(a, i + 1, data);
  }
  if (data.sections.has('candidates')) await p.candidates(data.candidates);
  if (data.sections.has('plenary') && data.plenary) p.plenary(data.plenary);
  if (data.sections.has('method')) p.method();
  p.footers(data.event.name);
  doc.end();
  await done;
  if (tooLarge) throw new AppError('PAYLOAD_TOO_LARGE');
  return Buffer.concat(chunks);
}

class Pdf {
  private readonly w;
  constructor(private readonly doc: Doc, private readonly lang: Language) {
    this.w = REPORT_WORDS[lang];
  }

  private get width() {
    return this.doc.page.width - 2 * MARGIN;
  }
  private get bottom() {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }

  /** Starts a new page unless `h` points still fit on this one. */
  private ensure(h: number) {
    if (this.doc.y + h > this.bottom) this.doc.addPage();
  }

  private font(kind: 'Sans' | 'Sans-Bold' | 'Sans-Oblique', size: number, color = INK) {
    return this.doc.font(kind).fontSize(size).fillColor(color);
  }

  /** A heading kept on the same page as the first `keep` points of what follows it. */
  private heading(text: string, level: 1 | 2 | 3, keep = 40) {
    const size = level === 1 ? 22 : level === 2 ? 15 : 12;
    this.font('Sans-Bold', size, level === 3 ? INK : GREEN);
    this.ensure(this.doc.heightOfString(text, { width: this.width }) + keep);
    this.doc.moveDown(level === 1 ? 0 : 0.6);
    this.doc.text(text, MARGIN, this.doc.y, { width: this.width });
    this.doc.moveDown(0.3);
  }

  private para(text: string, opts: { size?: number; color?: string; italic?: boolean; indent?: number } = {}) {
    this.font(opts.italic ? 'Sans-Oblique' : 'Sans', opts.size ?? 10.5, opts.color ?? INK);
    const indent = opts.indent ?? 0;
    this.doc.text(text, MARGIN + indent, this.doc.y, { width: this.width - indent, lineGap: 2 });
  }

  private eyebrow(text: string) {
    this.font('Sans-Bold', 9, ACCENT);
    this.doc.text(text.toUpperCase(), MARGIN, this.doc.y, { width: this.width, characterSpacing: 0.8 });
    this.doc.moveDown(0.2);
  }

  /** One bullet; the author, when published, in grey after the text. */
  private bullet(idea: ReportIdea | string, indent = 0) {
    const text = typeof idea === 'string' ? idea : idea.text;
    const author = typeof idea === 'string' ? null : idea.author;
    const x = MARGIN + indent + 12;
    const width = this.width - indent - 12;
    this.font('Sans', 10);
    const h = this.doc.heightOfString(author ? `${text} — ${author}` : text, { width, lineGap: 1.5 });
    this.ensure(h + 4);
    const y = this.doc.y;
    this.doc.fillColor(ACCENT).text('•', MARGIN + indent, y);
    this.doc.fillColor(INK).text(text, x, y, { width, lineGap: 1.5, continued: Boolean(author) });
    if (author) this.font('Sans-Oblique', 9, GREY).text(` — ${author}`, { lineGap: 1.5 });
    this.doc.moveDown(0.25);
  }

  /** An SVG (chart or poster) scaled to the text width, or to `maxH` points high. */
  private svg(svg: string, maxH = 600, maxW = this.width) {
    const m = /width="([\d.]+)" height="([\d.]+)"/.exec(svg);
    const sw = Number(m?.[1] ?? 600);
    const sh = Number(m?.[2] ?? 400);
    let width = Math.min(maxW, sw * 0.75);
    let height = (width * sh) / sw;
    if (height > maxH) {
      height = maxH;
      width = (height * sw) / sh;
    }
    this.ensure(height + 8);
    SVGtoPDF(this.doc, svg, MARGIN + (this.width - width) / 2, this.doc.y, {
      width, height, assumePt: true, preserveAspectRatio: 'xMidYMid meet',
      fontCallback: (_family, bold, italic) => (bold ? 'Sans-Bold' : italic ? 'Sans-Oblique' : 'Sans'),
      // WebP backgrounds and the like: the drawing is kept, the image left out.
      warningCallback: () => {},
    });
    this.doc.y += height + 8;
    this.doc.x = MARGIN;
  }

  cover(data: ReportData) {
    const { doc, w } = this;
    doc.addPage();
    const place = [data.event.date ? formatDate(data.event.date, this.lang) : w.noDate, data.event.place].filter(Boolean).join(' · ');
    // The band is drawn first, as tall as the title it sits under.
    const titleH = this.font('Sans-Bold', 30).heightOfString(data.event.name, { width: this.width });
    const placeH = this.font('Sans', 13).heightOfString(place, { width: this.width });
    const bandH = 90 + 20 + titleH + 10 + placeH + 40;
    doc.rect(0, 0, doc.page.width, bandH).fill('#e3f0e7');
    doc.y = 90;
    this.eyebrow(`${w.title} · ${w.subtitle}`);
    this.font('Sans-Bold', 30, GREEN).text(data.event.name, MARGIN, doc.y, { width: this.width });
    doc.moveDown(0.4);
    this.font('Sans', 13, GREY).text(place, { width: this.width });
    const top = bandH + 30;
    const counts = countLabels(data);
    const boxW = (this.width - 4 * 8) / 5;
    counts.forEach(([value, label], i) => {
      const x = MARGIN + i * (boxW + 8);
      doc.roundedRect(x, top, boxW, 74, 6).fill('#f7f6f1');
      this.font('Sans-Bold', 22, ACCENT).text(String(value), x, top + 12, { width: boxW, align: 'center' });
      this.font('Sans', 9, GREY).text(label, x + 4, top + 44, { width: boxW - 8, align: 'center' });
    });
    doc.y = top + 110;
    doc.x = MARGIN;
    if (data.intro) {
      this.heading(w.intro, 2);
      for (const para of data.intro.split(/\n{2,}/)) {
        this.para(para);
        doc.moveDown(0.5);
      }
    }
    if (data.ateliers.length > 0 && atelierPages(data)) {
      this.heading(w.contents, 2);
      data.ateliers.forEach((a, i) => this.para(`${i + 1}. ${a.title}`, { size: 10.5 }));
    }
    this.font('Sans', 9, GREY).text(fill(w.generatedOn, { date: formatDate(data.generatedAt.slice(0, 10), this.lang) }), MARGIN, this.bottom - 14, { width: this.width, lineBreak: false });
  }

  async atelier(a: AtelierReport, index: number, data: ReportData) {
    const { doc, w } = this;
    doc.addPage();
    doc.outline.addItem(`${index}. ${a.title}`);
    this.eyebrow([`${w.atelier} ${index}`, a.theme].filter(Boolean).join(' · '));
    this.heading(a.title, 1);
    if (a.question) {
      this.font('Sans-Oblique', 12, GREEN);
      const h = doc.heightOfString(a.question, { width: this.width - 24 });
      const y = doc.y + 4;
      doc.rect(MARGIN, y, 3, h + 12).fill(ACCENT);
      this.font('Sans-Oblique', 12, GREEN).text(a.question, MARGIN + 14, y + 6, { width: this.width - 24 });
      doc.y = y + h + 18;
      doc.x = MARGIN;
    }
    if (data.sections.has('ideas')) {
      this.heading(`${w.ideas} (${a.ideaCount})`, 2);
      if (a.anonymous) this.para(w.anonymous, { size: 9, color: GREY, italic: true });
      if (a.ideaCount === 0) this.para(w.noIdeas, { color: GREY, italic: true });
      const rest = a.unclustered.length > 0 ? [{ title: a.clusters.length > 0 ? w.unclustered : '', ideas: a.unclustered }] : [];
      for (const c of [...a.clusters, ...rest]) {
        if (c.title) this.heading(`${c.title} (${c.ideas.length})`, 3);
        for (const idea of c.ideas) {
          await breathe();
          this.bullet(idea, 4);
        }
      }
    }
    if (data.sections.has('votes')) {
      this.heading(w.votes, 2, a.vote?.mode === 'rating' ? RATING_H + 40 : 80);
      if (a.vote) this.vote(a.vote);
      else this.para(w.noVote, { color: GREY, italic: true });
    }
    for (const poster of a.posters) {
      doc.addPage();
      this.eyebrow(`${a.title}`);
      this.heading(`${w.poster} — ${poster.group}`, 2);
      this.svg(poster.svg, this.bottom - doc.y - 10);
    }
    for (const afom of a.afoms) this.afom(afom.group, afom.columns);
    for (const d of a.debates) this.debate(d.group, d.statement, d.columns);
  }

  private vote(v: VoteReport) {
    const { w } = this;
    this.para(`${v.mode === 'dots' ? w.dotsVote : w.ratingVote} · ${plural(w.voters, v.participants)}`, { size: 9.5, color: GREY });
    this.doc.moveDown(0.4);
    if (v.mode === 'dots') {
      this.svg(voteBars(v, this.lang), 2000);
      return;
    }
    this.svg(ratingChart(v, this.lang), RATING_H);
    ratedItems(v).forEach((r, i) => this.bullet(ratingLine(r, i, this.lang)));
    for (const r of v.ratings.filter((x) => x.raters === 0)) this.bullet(`${r.title} : ${w.notRated}`);
  }

  private afom(group: string, columns: NoteColumn[]) {
    const { doc, w } = this;
    const labels: Record<string, string> = AFOM_LABELS[this.lang];
    const colors: Record<string, string> = AFOM_COLORS;
    this.heading(`${w.afom}${group ? ` — ${group}` : ''}`, 2);
    // A 2 × 2 grid whose rows are as tall as their fuller cell.
    const cellW = (this.width - 10) / 2;
    for (let row = 0; row < 2; row++) {
      const cells = columns.slice(row * 2, row * 2 + 2);
      this.font('Sans', 9.5);
      const textOf = (c: NoteColumn) => (c.notes.length ? c.notes.map((x) => `• ${x}`).join('\n') : w.empty);
      const h = Math.max(...cells.map((c) => doc.heightOfString(textOf(c), { width: cellW - 16, lineGap: 1.5 }))) + 36;
      if (h < this.bottom - MARGIN) this.ensure(h + 10);
      const y = doc.y;
      cells.forEach((c, i) => {
        const x = MARGIN + i * (cellW + 10);
        doc.roundedRect(x, y, cellW, h, 5).fill(colors[c.id] ?? '#eeeeee');
        this.font('Sans-Bold', 11).text(labels[c.id] ?? c.id, x + 8, y + 8, { width: cellW - 16 });
        this.font('Sans', 9.5, c.notes.length ? INK : GREY).text(textOf(c), x + 8, y + 26, { width: cellW - 16, lineGap: 1.5 });
      });
      doc.y = y + h + 10;
      doc.x = MARGIN;
    }
  }

  private debate(group: string, statement: string, columns: NoteColumn[]) {
    const { w } = this;
    const labels: Record<string, string> = DEBATE_LABELS[this.lang];
    const colors: Record<string, string> = DEBATE_COLORS;
    this.heading(`${w.debates.replace(/s$/, '')}${group ? ` — ${group}` : ''}`, 2);
    if (statement) this.para(`${w.scenario} : ${statement}`, { italic: true, color: GREEN });
    for (const c of columns) {
      if (c.notes.length === 0) continue;
      this.ensure(40);
      const y = this.doc.y + 6;
      this.doc.rect(MARGIN, y, 10, 10).fill(colors[c.id] ?? '#eeeeee');
      this.font('Sans-Bold', 11).text(labels[c.id] ?? c.id, MARGIN + 16, y - 1, { width: this.width - 16 });
      this.doc.moveDown(0.2);
      for (const n of c.notes) this.bullet(n, 4);
    }
  }

  async candidates(list: CandidateReport[]) {
    const { doc, w } = this;
    doc.addPage();
    doc.outline.addItem(w.candidates);
    this.heading(w.candidates, 1);
    if (list.length === 0) this.para(w.noCandidates, { color: GREY, italic: true });
    for (const [i, c] of list.entries()) {
      await breathe();
      if (i > 0) {
        this.ensure(160);
        doc.moveDown(0.6);
        doc.moveTo(MARGIN, doc.y).lineTo(MARGIN + this.width, doc.y).strokeColor('#c9d3cb').stroke();
        doc.moveDown(0.4);
      }
      this.ensure(120);
      this.heading(c.title, 2);
      const vote = c.votes.rank !== null && c.votes.dots > 0 ? ` · ${w.atelierVote} : ${plural(w.dots, c.votes.dots)}, ${rankLabel(c.votes.rank, this.lang)}` : '';
      this.para(`${w.status} : ${w.statuses[c.status] ?? c.status} · ${w.fromAtelier} : ${c.atelierTitle}${vote}`, { size: 9.5, color: GREY });
      doc.moveDown(0.3);
      const field = (label: string, value: string) => {
        if (!value.trim()) return;
        this.font('Sans-Bold', 10);
        this.ensure(doc.heightOfString(value, { width: this.width }) + 20);
        doc.fillColor(ACCENT).text(label, MARGIN, doc.y, { width: this.width });
        this.para(value);
        doc.moveDown(0.3);
      };
      field(w.besoin, c.besoin);
      field(w.ressources, c.ressources);
      field(w.economicModel, c.modeleEconomique);
      field(w.porteur, c.porteur);
      field(w.nextSteps, c.nextSteps);
      field(w.steps, stepLines(c, this.lang).join('\n'));
      const rows = c.stakeholders.filter((s) => s.apports.trim() || s.interets.trim());
      if (rows.length > 0) this.stakeholders(rows);
      if (c.history.length > 1) field(w.history, historyLines(c, this.lang).join('\n'));
    }
  }

  private stakeholders(rows: CandidateReport['stakeholders']) {
    const { doc, w } = this;
    this.font('Sans-Bold', 10).fillColor(ACCENT);
    this.ensure(40);
    doc.text(w.stakeholders, MARGIN, doc.y, { width: this.width });
    doc.moveDown(0.2);
    const widths = [this.width * 0.24, this.width * 0.38, this.width * 0.38];
    const line = (cells: string[], head: boolean) => {
      this.font(head ? 'Sans-Bold' : 'Sans', 9);
      const h = Math.max(...cells.map((t, i) => doc.heightOfString(t || '—', { width: widths[i]! - 10 }))) + 8;
      this.ensure(h);
      const y = doc.y;
      if (head) doc.rect(MARGIN, y, this.width, h).fill('#e3f0e7');
      let x = MARGIN;
      cells.forEach((t, i) => {
        this.font(head ? 'Sans-Bold' : 'Sans', 9, t ? INK : GREY).text(t || '—', x + 5, y + 4, { width: widths[i]! - 10 });
        x += widths[i]!;
      });
      doc.moveTo(MARGIN, y + h).lineTo(MARGIN + this.width, y + h).strokeColor('#c9d3cb').lineWidth(0.5).stroke();
      doc.y = y + h;
      doc.x = MARGIN;
    };
    line([w.partie, w.apports, w.interets], true);
    for (const r of rows) line([r.partie, r.apports, r.interets], false);
    doc.moveDown(0.4);
  }

  plenary(v: VoteReport) {
    this.doc.addPage();
    this.doc.outline.addItem(this.w.plenary);
    this.heading(this.w.plenary, 1);
    this.vote(v);
  }

  method() {
    const { w } = this;
    this.doc.moveDown(1);
    this.ensure(200);
    this.heading(w.method, 2);
    for (const p of w.methodText) {
      this.para(p, { size: 9.5, color: GREY });
      this.doc.moveDown(0.4);
    }
  }

  /** Event name and page number on every page but the cover. */
  footers(name: string) {
    const { doc } = this;
    const range = doc.bufferedPageRange();
    for (let i = range.start + 1; i < range.start + range.count; i++) {
      doc.switchToPage(i);
      const y = doc.page.height - MARGIN + 18;
      // Writing below the bottom margin would add a page: lift it for the footer.
      const bottom = doc.page.margins.bottom;
      doc.page.margins.bottom = 0;
      this.font('Sans', 8, GREY).text(`${name} · ${fill(this.w.page, { n: i + 1 })} / ${range.count}`, MARGIN, y, { width: this.width, align: 'center', lineBreak: false });
      doc.page.margins.bottom = bottom;
    }
  }
}
