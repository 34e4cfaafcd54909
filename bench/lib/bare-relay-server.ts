/** The baseline: a bare y-websocket relay (one Y.Doc per room, sync + broadcast, nothing else),
 * run as its own process so it is measured like the real server. Prints its port. */
import { WebSocketServer, type WebSocket } from 'ws';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';

const docs = new Map<string, { doc: Y.Doc; conns: Set<WebSocket> }>();
const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });

wss.on('connection', (ws, req) => {
  const name = (req.url ?? '/').split('?')[0]!;
  let room = docs.get(name);
  if (!room) {
    const doc = new Y.Doc();
    const conns = new Set<WebSocket>();
    doc.on('update', (update: Uint8Array) => {
      const enc = encoding.createEncoder();
      encoding.writeVarUint(enc, 0);
      syncProtocol.writeUpdate(enc, update);
      const msg = encoding.toUint8Array(enc);
      for (const c of conns) c.send(msg);
    });
    room = { doc, conns };
    docs.set(name, room);
  }
  const { doc, conns } = room;
  conns.add(ws);
  ws.on('close', () => conns.delete(ws));
  ws.on('message', (data: Buffer) => {
    const dec = decoding.createDecoder(new Uint8Array(data));
    if (decoding.readVarUint(dec) !== 0) return;
    const enc = encoding.createEncoder();
    encoding.writeVarUint(enc, 0);
    syncProtocol.readSyncMessage(dec, enc, doc, ws);
    if (encoding.length(enc) > 1) ws.send(encoding.toUint8Array(enc));
  });
  const enc = encoding.createEncoder();
  encoding.writeVarUint(enc, 0);
  syncProtocol.writeSyncStep1(enc, doc);
  ws.send(encoding.toUint8Array(enc));
});

wss.on('listening', () => console.log(`écoute sur http://127.0.0.1:${(wss.address() as { port: number }).port}`));
