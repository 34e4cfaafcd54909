import { randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { API, C, type Candidate, type IdeaView } from '@semis/shared';
import { call, must, participant, useServer } from '../support/harness';
import { seedSuite, type SeededEvening } from '../support/evening';

const suite = useServer();
let seeded: SeededEvening;

/** What people may type, and what a spreadsheet must not run. */
const HOSTILE = [
  '=cmd|\' /C calc\'!A0',
  '+33 6 12 34 56 78',
  '-2 places de parking',
  '@SUM(A1:A9)',
  'Des « guillemets » et des "quotes", des ; et des , partout',
  'Sur deux lignes :\nla seconde',
  'Émoji 🌱 et œufs de Pâques',
];
/** The spec: text starting with = + - @ (or tab, CR) gets a leading apostrophe; the rest is exact. */
const expected = (s: string) => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);

beforeAll(async () => {
  seeded = await seedSuite(suite, { ateliers: 3, ideasPerAtelier: 6, posters: 0, voting: 2 });
  const atelier = seeded.ev.ateliers[2]!;
  const p = await participant(suite.server.url, seeded.ev.event.joinCode, '=Pseudo;"piégé"', atelier.id);
  suite.open.push(p.socket);
  for (const text of HOSTILE) must(await call<{ idea: IdeaView }>(p.socket, C.postIdea, { id: randomUUID(), atelierId: atelier.id, text }));
  const patch = { besoin: HOSTILE[0], ressources: HOSTILE[5], porteur: HOSTILE[3], stakeholders: [{ partie: HOSTILE[2], apports: HOSTILE[4], interets: HOSTILE[6] }] };
  must(await call<{ candidate: Candidate }>(seeded.admin, C.candidateUpdate, { id: seeded.candidates[0]!.id, patch }));
}, 60_000);

async function csv(kind: 'ideas' | 'votes' | 'candidates' | 'stakeholders', query = '', token = seeded.ev.adminToken) {
  const res = await fetch(suite.server.url + API.adminCsv(kind) + query, { headers: { Authorization: `Bearer ${token}` } });
  const bytes = Buffer.from(await res.arrayBuffer());
  return { status: res.status, type: res.headers.get('content-type') ?? '', disposition: res.headers.get('content-disposition') ?? '', bytes };
}

function rows(bytes: Buffer, delimiter = ','): string[][] {
  // Byte-exact checks first: BOM, CRLF records.
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(bytes.toString('utf8')).toContain('\r\n');
  return parse(bytes, { bom: true, delimiter, relax_column_count: false }) as string[][];
}

describe('CSV exports', () => {
  it('ideas: with cluster, dots and status; hostile text round-trips or is neutralised; no deleted idea', async () => {
    const res = await csv('ideas');
    expect(res.status).toBe(200);
    expect(res.type).toBe('text/csv; charset=utf-8');
    expect(res.disposition).toMatch(/attachment; filename="soiree-des-possibles[a-z-]*-ideas\.csv"/);
    const [header, ...body] = rows(res.bytes);
    expect(header).toEqual(['Atelier', 'Idée', 'Regroupement', 'Gommettes', 'Statut', 'Auteur', 'Importée', 'Créée le']);
    const texts = body.map((r) => r[1]);
    for (const h of HOSTILE) expect(texts).toContain(expected(h));
    expect(texts).not.toContain(seeded.deletedText);
    const hidden = body.find((r) => r[1] === seeded.hiddenText)!;
    expect(hidden[4]).toBe('masquée');
    const clustered = body.find((r) => r[2] === seeded.clusterTitles[0])!;
    expect(Number(clustered[3])).toBeGreaterThan(0);
    // The pseudonym is neutralised too, and the anonymous atelier's authors are absent.
    expect(body.map((r) => r[5])).toContain(`'=Pseudo;"piégé"`);
    for (const p of seeded.anonymousPseudonyms) expect(body.map((r) => r[5])).not.toContain(p);
  });

  it('with ; for a French Excel, the same cells', async () => {
    const comma = rows((await csv('ideas')).bytes);
    const semi = rows((await csv('ideas', '?sep=semicolon')).bytes, ';');
    expect(semi).toEqual(comma);
  });

  it('votes per item, candidates and stakeholders, in English on request', async () => {
    const votes = rows((await csv('votes')).bytes);
    expect(votes[0]![0]).toBe('Atelier');
    expect(votes.some((r) => r[1] === 'Vote par gommettes' && Number(r[3]) > 0)).toBe(true);
    expect(votes.some((r) => r[1] === 'Souhaitable × réaliste' && r[10] !== '')).toBe(true);
    expect(votes.some((r) => r[0] === 'Plénière')).toBe(true);

    const candidates = rows((await csv('candidates', '?lang=en')).bytes);
    expect(candidates[0]).toContain('Economic model');
    const first = candidates.find((r) => r[0] === seeded.candidates[0]!.title)!;
    expect(first[3]).toBe(expected(HOSTILE[0]!));
    expect(first[4]).toBe(HOSTILE[5]);
    expect(first[6]).toBe(expected(HOSTILE[3]!));

    const stakeholders = rows((await csv('stakeholders', '?sep=semicolon')).bytes, ';');
    expect(stakeholders).toContainEqual([seeded.candidates[0]!.title, expected(HOSTILE[2]!), HOSTILE[4], HOSTILE[6]]);
  });

  it('refuses participants, unknown exports and bad options', async () => {
    expect((await csv('ideas', '?sep=tab')).status).toBe(400);
    expect((await csv('nope' as 'ideas')).status).toBe(404);
    expect((await csv('ideas', '', 'x'.repeat(30))).status).toBe(401);
  });
});
