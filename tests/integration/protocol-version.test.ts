import { io as ioClient } from 'socket.io-client';
import { describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION, SOCKET_PATH } from '@semis/shared';
import { createEvent, useServer } from '../support/harness';
import { upgradeStatus, wsUrl } from '../support/yjsRaw';

const suite = useServer();

/** Connects with the given auth; resolves with the refusal's data, or 'connected'. */
function handshake(auth: Record<string, unknown>, lang = 'fr'): Promise<unknown> {
  const socket = ioClient(suite.server.url, { path: SOCKET_PATH, transports: ['websocket'], reconnection: false, forceNew: true, auth, extraHeaders: { 'accept-language': lang } });
  return new Promise((resolve) => {
    socket.once('connect', () => {
      socket.close();
      resolve('connected');
    });
    socket.once('connect_error', (err) => {
      socket.close();
      resolve((err as Error & { data?: unknown }).data);
    });
  });
}

describe('protocol version', () => {
  it('accepts the current version, and clients that send none', async () => {
    expect(await handshake({ protocol: PROTOCOL_VERSION })).toBe('connected');
    expect(await handshake({})).toBe('connected');
  });

  it('tells a page built for another version to reload, in its language', async () => {
    expect(await handshake({ protocol: PROTOCOL_VERSION + 1 })).toEqual({ code: 'PROTOCOL_MISMATCH', message: 'Semis a été mis à jour : rechargez la page pour continuer.' });
    expect(await handshake({ protocol: 'old' }, 'en-GB,en;q=0.8')).toMatchObject({ code: 'PROTOCOL_MISMATCH', message: 'Semis has been updated: reload the page to go on.' });
  });

  it('refuses a board connection of another version before anything else', async () => {
    const ev = await createEvent(suite.server.url, 1);
    const board = wsUrl(suite.server.url, ev.ateliers[0]!.boardId, ev.adminToken);
    expect(await upgradeStatus(`${board}&protocol=${PROTOCOL_VERSION}`)).toBe(101);
    expect(await upgradeStatus(`${board}&protocol=${PROTOCOL_VERSION + 1}`)).toBe(409);
  });
});
