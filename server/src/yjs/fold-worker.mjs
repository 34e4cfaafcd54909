// Under tsx and vitest (sources, no build), the fold worker thread loads the TypeScript task
// through tsx. The compiled server has its own fold-worker.mjs next to main.js: the task
// bundled to plain JavaScript (scripts/build-server.mjs), so tsx is never needed there.
import { register } from 'tsx/esm/api';

register();
const task = await import('./fold-task.ts');
export default task.default;
