import * as Y from 'yjs';

/**
 * Yjs places an item inserted concurrently with others at the same place (same left origin, or
 * the same map key with none) by walking every such sibling (YATA's conflict loop): n siblings
 * cost n² steps to integrate. Honest clients make one or two — two consoles moving the same
 * sticky at once — but a crafted update of 40,000 map entries for one key, each from its own
 * client id (745 KB, under the 1 MiB frame), held the event loop for over a minute. So the
 * server counts siblings before applying anything, from the update's decoded structs (linear):
 */
/** Items one update (or one archived board state) may insert at one place. */
export const MAX_SIBLINGS_PER_UPDATE = 32;
/** What all of a board's client updates together may have inserted at one place, counted for
 * the places some update put more than one item (a flood of small bombs adds up too). */
export const MAX_SIBLINGS_PER_BOARD = 64;

/** Siblings per place in an update: places where it inserts more than one item. Throws on
 * bytes that are not an update (the caller refuses them as malformed). */
export function crowdedPlaces(update: Uint8Array): Map<string, number> {
  const counts = new Map<string, number>();
  for (const s of Y.decodeUpdate(update).structs) {
    if (!(s instanceof Y.Item)) continue;
    counts.set(placeOf(s), (counts.get(placeOf(s)) ?? 0) + 1);
  }
  for (const [place, n] of counts) if (n < 2) counts.delete(place);
  return counts;
}

function placeOf(item: Y.Item): string {
  if (item.origin) return `after ${item.origin.client}:${item.origin.clock}`;
  const parent = item.parent as unknown;
  const where = typeof parent === 'string' ? `root ${parent}` : parent instanceof Y.ID ? `in ${parent.client}:${parent.clock}` : 'in ?';
  return `${where} at ${item.parentSub ?? '^'}`;
}

/** The places with the most siblings in `update`: true when within the per-update bound. */
export function siblingsWithin(update: Uint8Array, max = MAX_SIBLINGS_PER_UPDATE): boolean {
  for (const n of crowdedPlaces(update).values()) if (n > max) return false;
  return true;
}

/** Counts per board (by its document) of the crowded places its clients wrote. */
const perBoard = new WeakMap<Y.Doc, Map<string, number>>();

/**
 * Checks a client's update before it is applied to `doc`: false when it inserts too many items
 * at one place, or brings a place over the board's bound. Counts it when accepted.
 */
export function admitSiblings(doc: Y.Doc, update: Uint8Array): boolean {
  const places = crowdedPlaces(update);
  if (places.size === 0) return true;
  let seen = perBoard.get(doc);
  if (!seen) perBoard.set(doc, (seen = new Map()));
  for (const [place, n] of places) if (n > MAX_SIBLINGS_PER_UPDATE || (seen.get(place) ?? 0) + n > MAX_SIBLINGS_PER_BOARD) return false;
  for (const [place, n] of places) seen.set(place, (seen.get(place) ?? 0) + n);
  return true;
}
