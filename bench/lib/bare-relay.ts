import { spawn } from 'node:child_process';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import * as Y from 'yjs';
import WS from 'ws';
import { WebsocketProvider } from 'y-websocket';
import { procUsage } from './stats';

/**
 * Same fan-out as the live-wall bench through the bare relay: N readers join at once (timed),
 * then one writer writes every `intervalMs` for `durationMs`.
 */
export async function runBareRelay(opts: { clients: number; intervalMs: number; durationMs: number }): Promise<{ visible: number[]; joinMs: number; joinCpuMs: number; clientCpuMs: number; rssMiB: number }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'bare-relay-server.ts')], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /écoute sur (\S+)/.exec(out);
      if (m) resolve(m[1]!.replace(/^http/, 'ws'));
    });
  });
  const open = () => {
    const doc = new Y.Doc();
    const provider = new WebsocketProvider(url, 'board', doc, { WebSocketPolyfill: WS as unknown as typeof WebSocket, disableBc: true });
    provider.awareness.setLocalState(null);
    const synced = new Promise<void>((r) => provider.once('sync', () => r()));
    return { doc, provider, synced };
  };
  const writer = open();
  await writer.synced;
  const joinStart = performance.now();
  const cpu0 = procUsage(child.pid!).cpuMs;
  const client0 = process.cpuUsage();
  const readers = Array.from({ length: opts.clients }, open);
  await Promise.all(readers.map((r) => r.synced));
  const joinMs = performance.now() - joinStart;
  const joinCpuMs = (procUsage(child.pid!).cpuMs - cpu0) / opts.clients;
  const client = process.cpuUsage(client0);
  const clientCpuMs = (client.user + client.system) / 1000 / opts.clients;

  const writtenAt = new Map<string, number>();
  const seen = new Map<string, number>();
  const visible: number[] = [];
  for (const r of readers) {
    r.doc.getMap('ideas').observe((e) => {
      const now = performance.now();
      for (const k of e.keysChanged) {
        const n = (seen.get(k) ?? 0) + 1;
        seen.set(k, n);
        if (n === opts.clients) visible.push(now - writtenAt.get(k)!);
      }
    });
  }
  // Warm-up writes (JIT, socket buffers), not measured, as in the Semis run.
  for (let i = 0; i < 20; i++) {
    writer.doc.getMap('warmup').set(String(i), i);
    await new Promise((r) => setTimeout(r, Math.min(opts.intervalMs, 50)));
  }
  const started = performance.now();
  for (let i = 0; performance.now() - started < opts.durationMs; i++) {
    const key = `idea-${i}`;
    writtenAt.set(key, performance.now());
    writer.doc.getMap('ideas').set(key, { id: key, text: `Idée numéro ${i} : une navette le samedi matin` });
    const next = started + (i + 1) * opts.intervalMs;
    await new Promise((r) => setTimeout(r, Math.max(0, next - performance.now())));
  }
  const deadline = performance.now() + 5000;
  while (visible.length < writtenAt.size && performance.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  const rssMiB = procUsage(child.pid!).rssMiB;
  for (const c of [writer, ...readers]) {
    c.provider.destroy();
    c.doc.destroy();
  }
  child.kill();
  return { visible, joinMs, joinCpuMs, clientCpuMs, rssMiB };
}
