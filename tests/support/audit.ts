import type { BrowserContextOptions, Page } from 'playwright-core';

/**
 * What a person would stumble on, measured on the page as drawn: the page scrolling sideways,
 * text cut by its box or pushed past the screen's edge, targets too small for a finger, text
 * too small for the back of the hall, English words or raw translation keys in a French screen.
 */
export interface Audit {
  /** How many CSS pixels the page scrolls sideways (0: none). */
  overflowX: number;
  /** Visible elements whose box sticks out of the viewport on the right or left. */
  offscreen: string[];
  /** Text cut off inside its box (ellipsis, or a field scrolled on what was typed) — nothing may be clipped. */
  clipped: string[];
  /** Buttons, links, fields and checkbox labels smaller than `minTarget` in either direction. */
  smallTargets: string[];
  /** Visible text drawn smaller than `minFont` CSS pixels. */
  smallText: string[];
  /** English words, raw i18n keys or "undefined/NaN" in the visible text. */
  leaks: string[];
}

export interface AuditOptions {
  minTarget?: number;
  minFont?: number;
  /** Visible text is French: English words are a leak. */
  french?: boolean;
  /** Parts left out of the size rules (e.g. the facilitator's own controls on the projector). */
  ignore?: string;
}

/** Phone with the browser zoomed to 130 %: the CSS viewport shrinks to 277 × 569. */
export const PHONE_ZOOM_130 = { viewport: { width: 277, height: 569 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2.6, locale: 'fr-FR' } as const satisfies BrowserContextOptions;

/** Android's "text size 150 %" (or `percent`): the default font grows (the app's root is 106.25 % of it), layout width stays. */
export async function largeText(page: Page, percent = 150): Promise<void> {
  await page.addInitScript((root) => {
    const apply = () => document.documentElement.style.setProperty('font-size', root, 'important');
    if (document.documentElement) apply();
    document.addEventListener('DOMContentLoaded', apply);
  }, `${(106.25 * percent) / 100}%`);
}

export async function audit(page: Page, opts: AuditOptions = {}): Promise<Audit> {
  return page.evaluate(({ minTarget, minFont, french, ignore }) => {
    const vw = document.documentElement.clientWidth;
    const describe = (el: Element) => {
      const id = el.getAttribute('data-testid');
      const text = (el as HTMLElement).innerText?.trim().replace(/\s+/g, ' ').slice(0, 40) ?? '';
      return `${el.tagName.toLowerCase()}${id ? `[${id}]` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ')[0]}` : ''} "${text}"`;
    };
    const visible = (el: Element) => {
      const r = el.getBoundingClientRect();
      // Zero-sized or screen-reader only (the 1 px clipped box of .visually-hidden).
      if (r.width <= 1 || r.height <= 1 || el.closest('.visually-hidden')) return false;
      const style = getComputedStyle(el);
      return style.visibility !== 'hidden' && style.display !== 'none' && Number(style.opacity) > 0;
    };
    const inScrollBox = (el: Element) => {
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        const s = getComputedStyle(p);
        if (/(auto|scroll)/.test(s.overflowX) && p.scrollWidth > p.clientWidth) return true;
      }
      return false;
    };
    const all = [...document.body.querySelectorAll('*')].filter((el) => !el.closest('svg, canvas, .konvajs-content, [aria-hidden="true"]'));
    const offscreen: string[] = [];
    const clipped: string[] = [];
    const smallTargets: string[] = [];
    const smallText: string[] = [];
    for (const el of all) {
      if (!visible(el) || (ignore && el.closest(ignore))) continue;
      const r = el.getBoundingClientRect();
      if ((r.right > vw + 1 || r.left < -1) && !inScrollBox(el) && getComputedStyle(el).position !== 'fixed') offscreen.push(describe(el));
      const style = getComputedStyle(el);
      if (style.textOverflow === 'ellipsis' && el.scrollWidth > el.clientWidth + 1) clipped.push(describe(el));
      // A field whose text (or placeholder) is taller than the field: part of it is hidden.
      if (el.matches('textarea') && el.scrollHeight > el.clientHeight + 1) clipped.push(describe(el));
      // A one-line field scrolled sideways: what was typed is not all in sight.
      if (el.matches('input:not([type="checkbox"]):not([type="radio"])') && el.scrollWidth > el.clientWidth + 1) clipped.push(`${describe(el)} "${(el as HTMLInputElement).value}"`);
      const interactive = el.matches('button, a[href], input:not([type="checkbox"]):not([type="radio"]):not([type="hidden"]), select, textarea, [role="button"], summary');
      const box = el.matches('input[type="checkbox"], input[type="radio"]') ? (el.closest('label') ?? el) : interactive ? el : null;
      // An inline link inside a sentence is exempt (WCAG 2.5.8), a link on its own is not.
      const inline = el.matches('a') && style.display === 'inline' && (el.parentElement?.innerText.trim().length ?? 0) > ((el as HTMLElement).innerText.trim().length + 20);
      if (box && !inline) {
        const b = box.getBoundingClientRect();
        if (Math.round(b.width) < minTarget || Math.round(b.height) < minTarget) smallTargets.push(`${describe(el)} ${Math.round(b.width)}×${Math.round(b.height)}`);
      }
      const ownText = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim().length > 0);
      if (ownText && parseFloat(style.fontSize) > 0 && parseFloat(style.fontSize) < minFont) smallText.push(`${describe(el)} ${style.fontSize}`);
    }
    const text = document.body.innerText;
    const leaks: string[] = [];
    for (const m of text.matchAll(/\b(undefined|NaN|null|\[object Object\])\b/g)) leaks.push(m[0]);
    for (const m of text.matchAll(/\b[a-z]+[A-Z]?[a-z]*\.[a-z]+[A-Za-z]*\.?[A-Za-z]*\b/g)) if (/^(app|console|create|participant|errors|validation|wall|vote|votes|room|present|posters|report|phase|timer|moderation)\./.test(m[0])) leaks.push(m[0]);
    if (french) {
      const english = /\b(the|and|with|loading|error|submit|cancel|save|delete|join|back|next|previous|close|settings|share|download|ideas|idea|voting|results|participants? joined|connected|waiting|required|invalid|failed|retry|offline|online)\b/gi;
      for (const m of text.matchAll(english)) leaks.push(m[0]);
    }
    return { overflowX: Math.max(0, document.documentElement.scrollWidth - vw), offscreen: offscreen.slice(0, 12), clipped: clipped.slice(0, 12), smallTargets: smallTargets.slice(0, 20), smallText: smallText.slice(0, 20), leaks: [...new Set(leaks)] };
  }, { minTarget: opts.minTarget ?? 0, minFont: opts.minFont ?? 0, french: opts.french ?? true, ignore: opts.ignore ?? '' });
}

/** Pairs of the given parts whose boxes overlap on screen (text drawn over a QR code…). */
export async function overlaps(page: Page, selectors: string[]): Promise<string[]> {
  return page.evaluate((sels) => {
    const boxes = sels.flatMap((sel) => [...document.querySelectorAll(sel)].map((el) => ({ sel, r: el.getBoundingClientRect() })).filter((b) => b.r.width > 1 && b.r.height > 1));
    const out: string[] = [];
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const [a, b] = [boxes[i]!, boxes[j]!];
        if (a.sel === b.sel) continue;
        const x = Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left);
        const y = Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top);
        if (x > 1 && y > 1) out.push(`${a.sel} × ${b.sel}`);
      }
    }
    return out;
  }, selectors);
}
