import { createRequire } from 'node:module';
import path from 'node:path';
import fs from 'node:fs';
import zlib from 'node:zlib';
import MagicString from 'magic-string';
import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { basePlugins, root } from './vite.config';
import { fr } from './src/i18n/fr';

/**
 * The phone build: phone.html (code entry, `/`) and join.html (a QR link, `/j/CODE`), served by
 * server/src/http/static.ts. Same components as the full app, rendered with Preact's React
 * compatibility layer, and zod's unused schemas dropped: a phone on venue Wi-Fi downloads
 * about half of what the full app weighs. Its budget is checked by tests/unit/phone-budget.test.ts.
 */
const preact = path.dirname(createRequire(path.join(root, 'package.json')).resolve('preact/package.json'));

export default defineConfig({
  root,
  plugins: [
    shellTexts(),
    pureSchemas(),
    ...basePlugins(),
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      filename: 'sw.js',
      includeAssets: ['icons/semis.svg'],
      manifest: {
        name: 'Semis',
        short_name: 'Semis',
        description: fr.app.tagline,
        lang: 'fr',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        background_color: '#f7f6f1',
        theme_color: '#1f5c3a',
        icons: [
          { src: '/icons/semis-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icons/semis-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png}'],
        // English is fetched when someone picks it (then kept, below): French phones never pay for it.
        globIgnores: ['**/assets/en-*.js'],
        runtimeCaching: [{ urlPattern: /\/assets\/[^/]+\.js$/, handler: 'CacheFirst', options: { cacheName: 'semis-lazy-scripts', expiration: { maxEntries: 8 } } }],
        // `/` is phone.html; a QR link (`/j/CODE`, `/j/CODE/<atelier>`) is join.html, even offline.
        directoryIndex: 'phone.html',
        navigateFallback: '/join.html',
        navigateFallbackAllowlist: [/^\/j\/[^/]+\/?$/, /^\/j\/[^/]+\/[0-9a-fA-F-]{36}\/?$/],
        cleanupOutdatedCaches: true,
        inlineWorkboxRuntime: true,
        // The first visit is controlled at once, so the update prompt's reload also works for it.
        clientsClaim: true,
      },
    }),
    compressLate(),
  ],
  resolve: {
    dedupe: ['yjs'],
    // Absolute paths: packages outside client/ (react-i18next's store shim) must find Preact too.
    alias: [
      { find: /^react$/, replacement: `${preact}/compat` },
      { find: /^react-dom$/, replacement: `${preact}/compat` },
      { find: /^react-dom\/client$/, replacement: `${preact}/compat/client` },
      { find: /^react\/jsx-runtime$/, replacement: `${preact}/jsx-runtime` },
      { find: /^react\/jsx-dev-runtime$/, replacement: `${preact}/jsx-runtime` },
      { find: /^use-sync-external-store\/shim(\/index\.js)?$/, replacement: `${preact}/compat` },
    ],
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    rolldownOptions: {
      input: { phone: 'phone.html', join: 'join.html' },
    },
  },
});

/** Fills `%t:key%` in the shells with the French strings, so no text is written twice. */
function shellTexts(): Plugin {
  const lookup = (key: string): string => {
    const value = key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)?.[k], fr);
    if (typeof value !== 'string') throw new Error(`shell text ${key} not in fr.ts`);
    return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
  };
  return { name: 'semis-shell-texts', transformIndexHtml: (html) => html.replace(/%t:([\w.]+)%/g, (_, key: string) => lookup(key)) };
}

/**
 * shared/'s schema modules define zod schemas at module level, next to constants the phone
 * needs (event names, limits). A bundler must keep a top-level call it cannot prove harmless,
 * so importing `C` would bring all of zod. Schema construction has no side effects: wrapped in
 * a call marked pure, an unused schema is dropped and a used one runs exactly as before.
 */
function pureSchemas(): Plugin {
  const shared = path.resolve(root, '../shared/src') + path.sep;
  const keep = new Set(['Literal', 'ArrowFunctionExpression', 'FunctionExpression', 'Identifier']);
  return {
    name: 'semis-pure-schemas',
    enforce: 'post',
    transform(code, id) {
      if (!id.startsWith(shared) || !/from ["']zod["']/.test(code)) return null;
      const s = new MagicString(code);
      for (const node of this.parse(code).body) {
        const decl = node.type === 'ExportNamedDeclaration' ? node.declaration : node;
        if (decl?.type !== 'VariableDeclaration') continue;
        for (const d of decl.declarations) {
          if (!d.init || keep.has(d.init.type)) continue;
          s.prependLeft(d.init.start, '/* @__PURE__ */ (() => (');
          s.appendRight(d.init.end, '))()');
        }
      }
      return { code: s.toString(), map: s.generateMap({ hires: true }) };
    },
  };
}

/** The service worker and the web manifest are written after the bundle (and its compression):
 * compress them too, so every text file a phone fetches has its .br and .gz. */
function compressLate(): Plugin {
  return {
    name: 'semis-compress-late',
    apply: 'build',
    closeBundle: {
      order: 'post',
      sequential: true,
      handler() {
        const dist = path.join(root, 'dist');
        for (const name of fs.readdirSync(dist)) {
          if (!/\.(js|webmanifest)$/.test(name)) continue;
          const file = path.join(dist, name);
          const data = fs.readFileSync(file);
          fs.writeFileSync(`${file}.br`, zlib.brotliCompressSync(data, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }));
          fs.writeFileSync(`${file}.gz`, zlib.gzipSync(data, { level: 9 }));
        }
      },
    },
  };
}
