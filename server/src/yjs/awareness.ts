import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';

export interface AwarenessLimits {
  /** Awareness client ids one connection may speak for (a browser tab uses one). */
  statesPerConnection: number;
  /** Largest state, as the JSON text the protocol carries. */
  stateBytes: number;
  /** Awareness messages per connection: burst and refill per second; excess is dropped. */
  burst: number;
  perSecond: number;
}

export interface AwarenessEntry {
  clientId: number;
  clock: number;
  /** The state as sent: JSON text. */
  json: string;
  /** The state is `null`: the client leaves. */
  gone: boolean;
}

/** Reads a y-protocols awareness update; throws on malformed bytes or JSON. */
export function decodeAwareness(update: Uint8Array): AwarenessEntry[] {
  const dec = decoding.createDecoder(update);
  const n = decoding.readVarUint(dec);
  const entries: AwarenessEntry[] = [];
  // Each entry takes at least 3 bytes: a count beyond that is a lie, not a loop to run.
  if (n > update.length) throw new Error('awareness count larger than the message');
  for (let i = 0; i < n; i++) {
    const clientId = decoding.readVarUint(dec);
    const clock = decoding.readVarUint(dec);
    const json = decoding.readVarString(dec);
    entries.push({ clientId, clock, json, gone: JSON.parse(json) === null });
  }
  return entries;
}

export function encodeAwareness(entries: readonly AwarenessEntry[]): Uint8Array {
  const enc = encoding.createEncoder();
  encoding.writeVarUint(enc, entries.length);
  for (const e of entries) {
    encoding.writeVarUint(enc, e.clientId);
    encoding.writeVarUint(enc, e.clock);
    encoding.writeVarString(enc, e.json);
  }
  return encoding.toUint8Array(enc);
}
