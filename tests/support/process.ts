import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { closeAfterAll, type BoardClient, type Client } from './harness';

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  output: () => string;
  /** Resolves with the exit code once the process has exited. */
  exited: Promise<number | null>;
  kill(signal?: NodeJS.Signals): Promise<number | null>;
}

const ROOT = path.resolve(import.meta.dirname, '../..');

/** Runs the server as its own OS process, on a free port: `server/src/main.ts` through tsx, or
 * `compiled`, a bundle made by scripts/build-server.mjs (what `npm start` runs). */
export async function spawnServer(env: Record<string, string>, nodeArgs: string[] = [], compiled?: string): Promise<ServerProcess> {
  const entry = compiled ? [compiled] : ['--import', 'tsx', 'server/src/main.ts'];
  const child = spawn(process.execPath, [...nodeArgs, ...entry], {
    cwd: ROOT,
    // The embedded database unless the test names its services: CI exports DATABASE_URL and
    // REDIS_URL for the suites that ask for them, and a crash test must not land in a shared schema.
    env: { ...process.env, DATABASE_URL: '', DATABASE_SCHEMA: '', REDIS_URL: '', PORT: '0', HOST: '127.0.0.1', CLIENT_DIR: '/nonexistent', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /écoute sur (http:\/\/[^\s"]+)/.exec(out);
      if (m) resolve(m[1]!);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then((code) => reject(new Error(`server exited (${code}) before listening:\n${out}`)));
    // Generous: three processes compiling TypeScript at once on a busy 2-core machine took > 20 s.
    setTimeout(() => reject(new Error(`server did not start in 45 s:\n${out}`)), 45_000).unref();
  });
  return {
    url,
    child,
    output: () => out,
    exited,
    kill(signal = 'SIGTERM') {
      if (child.exitCode === null) child.kill(signal);
      return exited;
    },
  };
}

/**
 * `useServers` for server processes: for a file or `describe` whose tests spawn them, `spawn`
 * here (as `spawnServer`), and after it what its tests open on them (`open`, `boards`) is
 * closed, every process still running is ended (SIGTERM: a test that needs a kill -9 does it
 * itself, mid-test), then what `after(fn)` was given runs, last registered first — what the
 * processes use and must outlive them (a schema to drop, a data directory to remove).
 */
export function useProcesses(): { spawn: typeof spawnServer; after(fn: () => unknown): void; open: Client[]; boards: BoardClient[] } {
  const procs: ServerProcess[] = [];
  const open: Client[] = [];
  const boards: BoardClient[] = [];
  const cleanups: (() => unknown)[] = [];
  closeAfterAll(open, boards, () => Promise.all(procs.map((p) => p.kill())), cleanups);
  return {
    open,
    boards,
    after(fn) {
      cleanups.push(fn);
    },
    async spawn(...args) {
      const proc = await spawnServer(...args);
      procs.push(proc);
      return proc;
    },
  };
}
