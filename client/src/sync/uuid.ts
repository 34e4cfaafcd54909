/** RFC 4122 version-4 ids from crypto.getRandomValues.
 * crypto.randomUUID only exists in secure contexts, and phones on the venue Wi-Fi often reach
 * the laptop at http://192.168.x.x — not secure — while getRandomValues works everywhere. */
export function uuidv4(): string {
  const b = new Uint8Array(16);
  crypto.getRandomValues(b);
  b[6] = (b[6]! & 0x0f) | 0x40; // version 4
  b[8] = (b[8]! & 0x3f) | 0x80; // variant 10xx
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
