import fs from 'node:fs';
import path from 'node:path';
import express from 'express';

/** Serves the built client; every non-API path gets index.html (the client routes itself). */
export function clientRouter(clientDir: string | undefined, log: (m: string) => void): express.Router {
  const r = express.Router();
  const index = clientDir ? path.join(clientDir, 'index.html') : '';
  if (!clientDir || !fs.existsSync(index)) {
    log(`client introuvable (${clientDir ?? '—'}) : lancez « npm run build »`);
    return r;
  }
  r.use(express.static(clientDir, { index: false, maxAge: '1h' }));
  r.get('/{*path}', (req, res, next) => {
    if (req.path.startsWith('/api/') || req.path.startsWith('/socket.io') || req.path.startsWith('/yjs')) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
  return r;
}
