import { defineConfig, type PluginOption } from 'vite';
import react from '@vitejs/plugin-react';
import { compression } from 'vite-plugin-compression2';
import { fileURLToPath } from 'node:url';

// The lead's server listens on 3000 by default; SEMIS_SERVER lets a second server be targeted.
const target = process.env.SEMIS_SERVER ?? 'http://localhost:3000';

export const root = fileURLToPath(new URL('.', import.meta.url));

/** Plugins of both builds: React's JSX, and brotli + gzip next to every text file (the server
 * picks what the browser accepts, see server/src/http/static.ts). */
export function basePlugins(): PluginOption[] {
  return [react(), compression({ algorithms: ['brotliCompress', 'gzip'], include: /\.(html|css|js|mjs|json|svg|webmanifest)$/ })];
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
