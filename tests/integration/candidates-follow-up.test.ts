import { beforeAll, describe, expect, it } from 'vitest';
import { C, type Candidate } from '@semis/shared';
import { call, must, useServer } from '../support/harness';
import { seedSuite, type SeededEvening } from '../support/evening';

const suite = useServer();
let seeded: SeededEvening;
beforeAll(async () => {
  seeded = await seedSuite(suite, { ateliers: 1, ideasPerAtelier: 4, posters: 0, voting: 1 });
}, 60_000);

describe('candidates live on after the evening (Éclaircir → Récolter)', () => {
  it('are edited once the atelier is closed, with a dated, signed status history', async () => {
    const atelier = seeded.ev.ateliers[0]!;
    must(await call(seeded.admin, C.setPhase, { atelierIds: [atelier.id], phase: 'cloture' }));
    const card = seeded.candidates[0]!;
    expect(card.history.map((h) => [h.from, h.to, h.who])).toEqual([[null, 'idee', 'animation'], ['idee', 'etude-opportunite', 'animation']]);
    expect(card.history[1]!.note).toBe('Décidé en plénière');

    // Weeks later, with the admin link: a pilot, its economic model and dated steps.
    const { candidate } = must(await call<{ candidate: Candidate }>(seeded.admin, C.candidateUpdate, {
      id: card.id,
      patch: { status: 'pilote', statusNote: 'Local trouvé', modeleEconomique: 'Abonnements des habitants', steps: [{ text: 'Ouvrir trois mois à l’essai', due: '2026-09-01' }] },
    }));
    expect(candidate.status).toBe('pilote');
    expect(candidate.modeleEconomique).toBe('Abonnements des habitants');
    expect(candidate.steps).toEqual([{ text: 'Ouvrir trois mois à l’essai', due: '2026-09-01', done: false }]);
    expect(candidate.history).toHaveLength(3);
    expect(candidate.history[2]).toMatchObject({ from: 'etude-opportunite', to: 'pilote', who: 'animation', note: 'Local trouvé' });
    expect(Date.parse(candidate.history[2]!.at)).toBeGreaterThan(Date.parse(card.history[1]!.at) - 1);
    expect(candidate).not.toHaveProperty('statusNote');

    // A field that is not the status leaves the history alone; abandoning is a status too.
    const same = must(await call<{ candidate: Candidate }>(seeded.admin, C.candidateUpdate, { id: card.id, patch: { porteur: 'SCIC du Haut-Jura' } })).candidate;
    expect(same.history).toHaveLength(3);
    const dropped = must(await call<{ candidate: Candidate }>(seeded.admin, C.candidateUpdate, { id: card.id, patch: { status: 'abandonne' } })).candidate;
    expect(dropped.history.at(-1)).toMatchObject({ from: 'pilote', to: 'abandonne', note: '' });

    // Stored, as a facilitator coming back with the admin link finds it.
    const stored = await suite.server.semis.storage.candidates.get(card.id);
    expect(stored?.history).toHaveLength(4);
    expect(stored?.porteur).toBe('SCIC du Haut-Jura');
  });

  it('refuses bad steps and statuses', async () => {
    const id = seeded.candidates[0]!.id;
    const bad = await call(seeded.admin, C.candidateUpdate, { id, patch: { steps: [{ text: 'x', due: 'demain' }] } });
    expect(bad.ok).toBe(false);
    const unknown = await call(seeded.admin, C.candidateUpdate, { id, patch: { status: 'vendu' } });
    expect(unknown.ok).toBe(false);
  });
});
