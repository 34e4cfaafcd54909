import { spawn } from 'node:child_process';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import * as Y from 'yjs';
import WS from 'ws';
import { WebsocketProvider } from 'y-websocket';
import { procUsage } from './stats';
import { BoardFleet, clock } from './boards';

/**
 * Same fan-out as the live-wall bench through the bare relay: N readers join at once (timed),
 * then one writer writes every `intervalMs` for `durationMs`. As with Semis' phones, the
 * readers' documents live in board workers and the writer (the sender) on this thread, so the
 * ratio compares like with like.
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
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(url, 'board', doc, { WebSocketPolyfill: WS as unknown as typeof WebSocket, disableBc: true });
  provider.awareness.setLocalState(null);
  await new Promise<void>((r) => provider.once('sync', () => r()));
  const writer = { doc, provider };
  const fleet = await BoardFleet.start();
  const joinStart = clock();
  const cpu0 = procUsage(child.pid!).cpuMs;
  // process.cpuUsage() counts every thread: the workers' too, as for Semis' phones.
  const client0 = process.cpuUsage();
  const synced = await Promise.all(Array.from({ length: opts.clients }, () => fleet.open(url, 'board')));
  const joinMs = Math.max(...synced) - joinStart;
  const joinCpuMs = (procUsage(child.pid!).cpuMs - cpu0) / opts.clients;
  const client = process.cpuUsage(client0);
  const clientCpuMs = (client.user + client.system) / 1000 / opts.clients;

  const track = await fleet.track();
  const writtenAt = track.postedAt;
  const visible = track.visible;
  // Warm-up writes (JIT, socket buffers), not measured, as in the Semis run: 20, then 3 s at the
  // measured rate.
  for (let i = 0, until = performance.now() + 3000; i < 20 || performance.now() < until; i++) {
    writer.doc.getMap('warmup').set(String(i), { id: `warmup-${i}`, text: `Échauffement ${i} : une navette le samedi matin` });
    await new Promise((r) => setTimeout(r, i < 20 ? Math.min(opts.intervalMs, 50) : opts.intervalMs));
  }
  const started = performance.now();
  for (let i = 0; performance.now() - started < opts.durationMs; i++) {
    const key = `idea-${i}`;
    writtenAt.set(key, clock());
    writer.doc.getMap('ideas').set(key, { id: key, text: `Idée numéro ${i} : une navette le samedi matin` });
    const next = started + (i + 1) * opts.intervalMs;
    await new Promise((r) => setTimeout(r, Math.max(0, next - performance.now())));
  }
  await track.settle();
  await track.stop();
  const rssMiB = procUsage(child.pid!).rssMiB;
  await fleet.close();
  writer.provider.destroy();
  writer.doc.destroy();
  child.kill();
  return { visible, joinMs, joinCpuMs, clientCpuMs, rssMiB };
}
