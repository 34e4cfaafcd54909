// Plain JavaScript: the entry of a worker thread that runs a TypeScript module (workerData.entry).
// Under Node 20, the tsx loader the bench runs with (`tsx bench/live-wall.ts`, i.e. node
// --import tsx/dist/loader.mjs) does not reach worker threads, neither inherited nor with
// execArgv ['--import', 'tsx'] ("Unknown file extension .ts"); registering tsx's loader from
// inside the worker does.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
