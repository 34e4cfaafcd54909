// Compiles the server, and the shared sources it imports, to plain JavaScript for `npm start`
// and the Docker image: one ES module bundle (dist/server/main.js) that `node` runs. Packages
// from node_modules stay external (one copy of yjs, native modules untouched); @semis/shared is
// bundled because it is published as TypeScript source (the client's Vite build reads it so).
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const outdir = path.resolve(process.argv[2] ?? 'dist/server');
const options = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  plugins: [
    {
      name: 'node-modules-external',
      setup(b) {
        b.onResolve({ filter: /^[^./]/ }, (args) => (args.path.startsWith('@semis/') ? undefined : { path: args.path, external: true }));
      },
    },
  ],
};
await build({ ...options, entryPoints: ['server/src/main.ts'], outfile: path.join(outdir, 'main.js') });
// Worker threads are loaded by URL next to the module that starts them. The grouping and fold
// tasks are TypeScript (they import @semis/shared): each bundled on its own, under the name of
// the shim that loads it through tsx when running from sources.
await build({ ...options, entryPoints: ['server/src/grouping/task.ts'], outfile: path.join(outdir, 'grouping-worker.mjs') });
await build({ ...options, entryPoints: ['server/src/yjs/fold-task.ts'], outfile: path.join(outdir, 'fold-worker.mjs') });
// The SQLite worker is loaded by URL next to the module that starts it.
fs.copyFileSync('server/src/storage/sqlite-worker.mjs', path.join(outdir, 'sqlite-worker.mjs'));
console.log(`server compiled to ${path.relative(process.cwd(), outdir)}/main.js`);
