// What a fold worker thread runs (see fold-pool.ts). Bundled on its own by
// scripts/build-server.mjs into fold-worker.mjs next to the compiled server.
import { type FoldTask, runFold } from './fold';

export default function fold(task: FoldTask): Uint8Array | string[] {
  return runFold(task);
}
