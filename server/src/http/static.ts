import fs from 'node:fs';
import path from 'node:path';
import express from 'express';
import expressStaticGzip from 'express-static-gzip';

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
  const index = clientDir ? path.join(clientDir, 'index.html') : '';
  if (!clientDir || !fs.existsSync(index)) {
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
  const compressed = [
    { encoding: 'br', file: `${index}.br` },
    { encoding: 'gzip', file: `${index}.gz` },
  ].filter((c) => fs.existsSync(c.file));
  r.get('/{*path}', (req, res, next) => {
    if (req.path.startsWith('/api/') || req.path.startsWith('/socket.io') || req.path.startsWith('/yjs')) return next();
    // A missing hashed file is a 404, not the app: a stale page must not parse HTML as a script.
    if (req.path.startsWith('/assets/')) return next();
    res.setHeader('Cache-Control', REVALIDATE);
    res.setHeader('Vary', 'Accept-Encoding');
    const accepted = req.acceptsEncodings(...compressed.map((c) => c.encoding), 'identity');
    const pick = compressed.find((c) => c.encoding === accepted);
    if (!pick) return res.sendFile(index);
    res.setHeader('Content-Encoding', pick.encoding);
    res.type('html');
    res.sendFile(pick.file);
  });
  return r;
}
