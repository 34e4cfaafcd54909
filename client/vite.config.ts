import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { compression } from 'vite-plugin-compression2';
import { fileURLToPath } from 'node:url';

// The lead's server listens on 3000 by default; SEMIS_SERVER lets a second server be targeted.
const target = process.env.SEMIS_SERVER ?? 'http://localhost:3000';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [
    react(),
    // Brotli and gzip next to every text file; the server picks what the phone accepts.
    compression({ algorithms: ['brotliCompress', 'gzip'], exclude: [/\.map$/] }),
  ],
  // Two copies of yjs break `instanceof` checks between y-websocket and our own Y.Doc.
  resolve: { dedupe: ['yjs'] },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true },
  server: {
    proxy: {
      // Host kept as the browser sent it: the server builds the participant/admin links from it.
      '/api': { target },
      '/socket.io': { target, ws: true },
      '/yjs': { target, ws: true },
    },
  },
});
