import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLIENT_DIR, requireBuiltClient } from '../support/browser';
import { useServer } from '../support/harness';

interface Raw {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** node:http, not fetch: fetch adds its own Accept-Encoding and decodes behind our back. */
function get(url: string, headers: Record<string, string> = {}): Promise<Raw> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      })
      .on('error', reject);
  });
}

function decode(r: Raw): Buffer {
  const enc = r.headers['content-encoding'];
  if (enc === 'br') return zlib.brotliDecompressSync(r.body);
  if (enc === 'gzip') return zlib.gunzipSync(r.body);
  return r.body;
}

describe('built client over HTTP', () => {
  const suite = useServer({ config: { clientDir: CLIENT_DIR } });
  let scripts: string[];
  let styles: string[];
  beforeAll(async () => {
    requireBuiltClient();
    const html = fs.readFileSync(path.join(CLIENT_DIR, 'index.html'), 'utf8');
    scripts = [...html.matchAll(/src="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
    styles = [...html.matchAll(/href="(\/assets\/[^"]+\.css)"/g)].map((m) => m[1]!);
  });

  it('sends JS and CSS brotli-compressed to a browser that accepts it, cached for good', async () => {
    expect(scripts.length).toBeGreaterThan(0);
    expect(styles.length).toBeGreaterThan(0);
    for (const file of [...scripts, ...styles]) {
      const r = await get(suite.server.url + file, { 'Accept-Encoding': 'br, gzip' });
      expect(r.status, file).toBe(200);
      expect(r.headers['content-encoding'], file).toBe('br');
      expect(r.headers.vary ?? '', file).toMatch(/Accept-Encoding/i);
      expect(r.headers['cache-control'], file).toBe('public, max-age=31536000, immutable');
      expect(r.headers['content-type'], file).toMatch(file.endsWith('.js') ? /javascript/ : /text\/css/);
      const original = fs.readFileSync(path.join(CLIENT_DIR, file));
      expect(r.body.length, file).toBeLessThan(original.length);
      expect(decode(r).equals(original), file).toBe(true);
    }
  });

  it('falls back to gzip, then to the plain file', async () => {
    const file = scripts[0]!;
    const gz = await get(suite.server.url + file, { 'Accept-Encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(decode(gz).equals(fs.readFileSync(path.join(CLIENT_DIR, file)))).toBe(true);
    const plain = await get(suite.server.url + file, { 'Accept-Encoding': 'identity' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.equals(fs.readFileSync(path.join(CLIENT_DIR, file)))).toBe(true);
  });

  it('sends the HTML compressed and never cached, on every client route', async () => {
    for (const route of ['/', '/j/ABC123', '/animer']) {
      const r = await get(suite.server.url + route, { 'Accept-Encoding': 'br, gzip' });
      expect(r.status, route).toBe(200);
      expect(r.headers['content-encoding'], route).toBe('br');
      expect(r.headers['content-type'], route).toMatch(/text\/html/);
      expect(r.headers['cache-control'], route).toBe('no-cache');
      expect(decode(r).toString('utf8'), route).toContain('<div id="root"');
    }
    const gz = await get(`${suite.server.url}/j/ABC123`, { 'Accept-Encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    const plain = await get(`${suite.server.url}/j/ABC123`);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString('utf8')).toContain('<div id="root"');
  });

  it('sends phones the light build with its app shell, and everyone else the full app', async () => {
    const shell = 'data-testid="shell"';
    const html = async (route: string) => decode(await get(suite.server.url + route, { 'Accept-Encoding': 'br, gzip' })).toString('utf8');
    expect(await html('/')).toContain(shell);
    expect(await html('/j/ABC123')).toContain(shell);
    expect(await html('/j/ABC123/0b6f8a3e-1c2d-4e5f-8a9b-0c1d2e3f4a5b')).toContain(shell);
    for (const route of ['/animer', '/j/ABC123/groupes', '/creer']) expect(await html(route), route).not.toContain(shell);
    // The service worker and its manifest are revalidated on every load: new versions show up.
    for (const file of ['/sw.js', '/manifest.webmanifest']) {
      const r = await get(suite.server.url + file, { 'Accept-Encoding': 'br, gzip' });
      expect(r.status, file).toBe(200);
      expect(r.headers['cache-control'], file).toBe('no-cache');
      expect(r.headers['content-encoding'], file).toBe('br');
    }
  });

  it('answers 404 for a missing hashed file instead of the HTML', async () => {
    const r = await get(`${suite.server.url}/assets/gone-0000.js`, { 'Accept-Encoding': 'br, gzip' });
    expect(r.status).toBe(404);
    expect(decode(r).toString('utf8')).not.toContain('<div id="root"');
    // Our error body, not Express' HTML page echoing the path.
    expect(r.headers['content-type']).toMatch(/^application\/json/);
    expect(JSON.parse(decode(r).toString('utf8')).error.code).toBe('NOT_FOUND');
  });

  it('answers a malformed percent-escape on any page or file with 400 BAD_REQUEST as JSON', async () => {
    for (const p of ['/%', '/j/%ZZ', '/j/ABCDEF/%E0%A4%A', '/assets/%C0', '/animer/%', '/yjs/%']) {
      const r = await get(suite.server.url + p);
      expect(r.status, p).toBe(400);
      expect(r.headers['content-type'], p).toMatch(/^application\/json/);
      expect(JSON.parse(r.body.toString('utf8')).error.code, p).toBe('BAD_REQUEST');
    }
  });
});
