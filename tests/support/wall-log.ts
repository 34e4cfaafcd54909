import * as Y from 'yjs';
import { putIdeaCard } from '@semis/shared';

/** A wall of `cards` idea cards as its log stores them: one update per card, as posted. */
export function wallLog(cards: number): Uint8Array[] {
  const doc = new Y.Doc();
  const parts: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => parts.push(u));
  for (let i = 0; i < cards; i++) {
    const at = new Date(Date.UTC(2026, 5, 8, 19, 0, i)).toISOString();
    putIdeaCard(doc, { id: `idea-${i}`, text: `Une navette le samedi matin pour le marché, proposition ${i}`, authorId: `p${i % 150}`, author: `Tel ${i % 150}`, createdAt: at, updatedAt: at, moderated: false }, i);
  }
  doc.destroy();
  return parts;
}
