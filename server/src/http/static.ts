import fs from 'node:fs';
import path from 'node:path';
import express from 'express';
import expressStaticGzip from 'express-static-gzip';
import { AppError } from '../errors';
import { sendError } from './api';

/** Hashed file names (Vite's `assets/`) never change content: a phone keeps them for a year. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Everything else (the HTML, the service worker, the manifest) is revalidated on every load,
 * so a new version is picked up at once. */
const REVALIDATE = 'no-cache';

const isHashed = (filePath: string) => filePath.split(path.sep).includes('assets');

/**
 * Serves the built client. Text files are precompressed at build time (brotli and gzip, see
 * client/vite.config.ts), so a phone on venue Wi-Fi gets the smallest form it accepts at no CPU
 * cost here. Every non-API path gets index.html (the client routes itself).
 */
export function clientRouter(clientDir: string | undefined, log: (m: string) => void): express.Router {
  const r = express.Router();
  // express-static-gzip answers a bad percent-escape with its own text page: ours is JSON.
  r.use((req, res, next) => {
    try {
      decodeURIComponent(req.path);
      next();
    } catch {
      sendError(req, res, new AppError('BAD_REQUEST'));
    }
  });
  if (!clientDir || !fs.existsSync(path.join(clientDir, 'index.html'))) {
    log(`client introuvable (${clientDir ?? '—'}) : lancez « npm run build »`);
    return r;
  }
  r.use(
    expressStaticGzip(clientDir, {
      enableBrotli: true,
      orderPreference: ['br', 'gzip'],
      index: false,
      serveStatic: {
        index: false,
        cacheControl: false,
        setHeaders: (res, filePath) => res.setHeader('Cache-Control', isHashed(filePath) ? IMMUTABLE : REVALIDATE),
      },
    }),
  );
  const pages = {
    full: htmlPage(clientDir, 'index.html')!,
    // The phone build (client/vite.phone.config.ts): lighter, with an app shell, offline-capable.
    phone: htmlPage(clientDir, 'phone.html'),
    join: htmlPage(clientDir, 'join.html'),
  };
  r.get('/{*path}', (req, res, next) => {
    if (req.path.startsWith('/api/') || req.path.startsWith('/socket.io') || req.path.startsWith('/yjs')) return next();
    // A missing hashed file is a 404, not the app: a stale page must not parse HTML as a script.
    // Answered here as the API's JSON NOT_FOUND, not Express' default page (HTML too).
    if (req.path.startsWith('/assets/')) return sendError(req, res, new AppError('NOT_FOUND'));
    const page = (PHONE_HOME.test(req.path) && pages.phone) || (PHONE_JOIN.some((re) => re.test(req.path)) && pages.join) || pages.full;
    res.setHeader('Cache-Control', REVALIDATE);
    res.setHeader('Vary', 'Accept-Encoding');
    const accepted = req.acceptsEncodings(...page.compressed.map((c) => c.encoding), 'identity');
    const pick = page.compressed.find((c) => c.encoding === accepted);
    if (!pick) return res.sendFile(page.file);
    res.setHeader('Content-Encoding', pick.encoding);
    res.type('html');
    res.sendFile(pick.file);
  });
  return r;
}

/** Addresses a phone opens: the code entry, and a QR link (the event's, or one atelier's). */
const PHONE_HOME = /^\/(j\/?)?$/;
const PHONE_JOIN = [/^\/j\/[^/]+\/?$/, /^\/j\/[^/]+\/[0-9a-fA-F-]{36}\/?$/];

interface HtmlPage {
  file: string;
  compressed: { encoding: string; file: string }[];
}

function htmlPage(dir: string, name: string): HtmlPage | null {
  const file = path.join(dir, name);
  if (!fs.existsSync(file)) return null;
  const compressed = [
    { encoding: 'br', file: `${file}.br` },
    { encoding: 'gzip', file: `${file}.gz` },
  ].filter((c) => fs.existsSync(c.file));
  return { file, compressed };
}
