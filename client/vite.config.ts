import { defineConfig, type Plugin, type PluginOption } from 'vite';
import react from '@vitejs/plugin-react';
import { compression } from 'vite-plugin-compression2';
import { fileURLToPath } from 'node:url';

// The lead's server listens on 3000 by default; SEMIS_SERVER lets a second server be targeted.
const target = process.env.SEMIS_SERVER ?? 'http://localhost:3000';

export const root = fileURLToPath(new URL('.', import.meta.url));

/** Plugins of both builds: the pages' shared head, React's JSX, and brotli + gzip next to every
 * text file (the server picks what the browser accepts, see server/src/http/static.ts). */
export function basePlugins(): PluginOption[] {
  return [sharedHead(), react(), compression({ algorithms: ['brotliCompress', 'gzip'], include: /\.(html|css|js|mjs|json|svg|webmanifest)$/ })];
}

/**
 * The full app (facilitators, walls, posters; every page in dev). `npm run build` runs the phone
 * build first (vite.phone.config.ts, which empties dist/), then this one beside it.
 */
export default defineConfig({
  root,
  plugins: basePlugins(),
  // Two copies of yjs break `instanceof` checks between y-websocket and our own Y.Doc.
  resolve: { dedupe: ['yjs'] },
  build: { outDir: 'dist', emptyOutDir: false, sourcemap: true },
  server: {
    proxy: {
      // Host kept as the browser sent it: the server builds the participant/admin links from it.
      '/api': { target },
      '/socket.io': { target, ws: true },
      '/yjs': { target, ws: true },
    },
  },
});

/** The head every page (index.html, phone.html, join.html) starts with, written once: each page
 * holds `<!-- semis:head -->` where it goes, then its own script. */
function sharedHead(): Plugin {
  const head = [
    '<meta charset="UTF-8" />',
    '<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover" />',
    '<meta name="theme-color" content="#1f5c3a" />',
    '<link rel="icon" href="/icons/semis.svg" type="image/svg+xml" />',
    '<link rel="apple-touch-icon" href="/icons/semis-192.png" />',
    '<title>Semis</title>',
  ].join('\n    ');
  const mark = '<!-- semis:head -->';
  return {
    name: 'semis-shared-head',
    transformIndexHtml: {
      order: 'pre',
      handler(html, ctx) {
        if (!html.includes(mark)) throw new Error(`${ctx.filename}: no ${mark}`);
        return html.replace(mark, head);
      },
    },
  };
}
