import { useEffect, useSyncExternalStore } from 'react';
import { C, clockOffset, type ClockSample } from '@semis/shared';
import { request, type SemisSocket } from './socket';

/**
 * One estimate of the server's clock per page: countdowns on phones, walls and the projector
 * all derive remaining time from the server's deadline, so they must read the same clock.
 */
const SAMPLES_AT_CONNECT = 4;
const RESAMPLE_MS = 60_000;
const KEEP = 12;

let samples: ClockSample[] = [];
let offset = 0;
const listeners = new Set<() => void>();

export function serverNow(): number {
  return Date.now() + offset;
}

function record(sample: ClockSample): void {
  samples = [...samples, sample].slice(-KEEP);
  const next = clockOffset(samples);
  if (next === offset) return;
  offset = next;
  for (const fn of listeners) fn();
}

async function sampleOnce(socket: SemisSocket): Promise<void> {
  const sentAt = Date.now();
  const r = await request(socket, C.timeSync, { t: sentAt });
  if (r.ok) record({ sentAt, serverTime: r.data.serverTime, receivedAt: Date.now() });
}

async function sampleBurst(socket: SemisSocket, n: number): Promise<void> {
  for (let i = 0; i < n && socket.connected; i++) await sampleOnce(socket);
}

/** Keeps the page's clock offset fresh over `socket`: a few samples at each (re)connect, then
 * one a minute (a laptop's clock drifts, and the shortest round trip wins anyway). */
export function useServerClock(socket: SemisSocket | null): void {
  useEffect(() => {
    if (!socket) return;
    const onConnect = () => {
      // A new network path may have a different delay: old samples no longer compete.
      samples = [];
      void sampleBurst(socket, SAMPLES_AT_CONNECT);
    };
    socket.on('connect', onConnect);
    if (socket.connected) onConnect();
    const timer = setInterval(() => void sampleBurst(socket, 1), RESAMPLE_MS);
    return () => {
      socket.off('connect', onConnect);
      clearInterval(timer);
    };
  }, [socket]);
}

/** The current offset, re-rendering when a better estimate arrives. */
export function useClockOffset(): number {
  return useSyncExternalStore(
    (fn) => {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
    () => offset,
  );
}
