import { describe, expect, it } from 'vitest';
import { API, GRANDE_SOIREE_TEMPLATE, JOIN_CODE_ALPHABET, type AdminEventResult, type ErrorBody, type JoinInfoResult } from '@semis/shared';
import { api, createEvent, useServer } from '../support/harness';

const suite = useServer();

describe('HTTP: creating and opening an event', () => {
  it('creates an event with the 15-atelier template, a join code and private admin link', async () => {
    const { status, body } = await api<import('@semis/shared').CreateEventResult>(suite.server.url, API.createEvent, {
      body: { name: 'Demain Petite Montagne', date: '2018-06-08', place: 'Aromas', ateliers: GRANDE_SOIREE_TEMPLATE },
    });
    expect(status).toBe(201);
    expect(body.ateliers).toHaveLength(15);
    expect(body.ateliers.map((a) => a.position)).toEqual([...Array(15).keys()]);
    expect(body.event.joinCode).toMatch(new RegExp(`^[${JOIN_CODE_ALPHABET}]{6}$`));
    expect(body.adminToken.length).toBeGreaterThanOrEqual(40);
    expect(body.links.admin).toBe(`${suite.server.url}/animer#${body.adminToken}`);
    expect(body.links.participant).toBe(`${suite.server.url}/j/${body.event.joinCode}`);
    expect(JSON.stringify(body.event)).not.toContain('Hash');

    const admin = await api<AdminEventResult>(suite.server.url, API.adminEvent, { token: body.adminToken });
    expect(admin.status).toBe(200);
    expect(admin.body.event.id).toBe(body.event.id);
    expect(admin.body.ateliers.map((a) => a.title)).toEqual(GRANDE_SOIREE_TEMPLATE.map((a) => a.title));
    expect(JSON.stringify(admin.body)).not.toContain(body.adminToken);

    const join = await api<JoinInfoResult>(suite.server.url, API.join(body.event.joinCode.toLowerCase()));
    expect(join.status).toBe(200);
    expect(join.body.event.name).toBe('Demain Petite Montagne');
    expect(join.body.ateliers).toHaveLength(15);
  });

  it('adds ateliers to an existing event', async () => {
    const ev = await createEvent(suite.server.url, 1);
    const res = await api<{ ateliers: { title: string; position: number }[] }>(suite.server.url, API.adminAteliers, {
      token: ev.adminToken,
      body: { ateliers: [{ title: 'Mobilité' }] },
    });
    expect(res.status).toBe(200);
    expect(res.body.ateliers.map((a) => [a.title, a.position])).toEqual([
      ['Atelier 1', 0],
      ['Mobilité', 1],
    ]);
  });

  it.each([
    ['no name', { ateliers: [{ title: 'A' }] }, 'name'],
    ['blank name', { name: '   ', ateliers: [{ title: 'A' }] }, 'name'],
    ['no atelier', { name: 'Soirée', ateliers: [] }, 'ateliers'],
    ['untitled atelier', { name: 'Soirée', ateliers: [{ title: '' }] }, 'ateliers.0.title'],
    ['bad date', { name: 'Soirée', date: '8 juin', ateliers: [{ title: 'A' }] }, 'date'],
    ['41 ateliers', { name: 'Soirée', ateliers: Array.from({ length: 41 }, () => ({ title: 'A' })) }, 'ateliers'],
  ])('refuses an event with %s (400, field named, French message)', async (_label, body, field) => {
    const res = await api<{ error: ErrorBody }>(suite.server.url, API.createEvent, { body });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'BAD_REQUEST', field });
    expect(res.body.error.message).toBe('Requête invalide.');
  });

  it('answers malformed JSON and oversized bodies with errors, not crashes', async () => {
    const bad = await api<{ error: ErrorBody }>(suite.server.url, API.createEvent, { raw: '{"name":' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('BAD_REQUEST');
    const big = await api<{ error: ErrorBody }>(suite.server.url, API.createEvent, { raw: JSON.stringify({ name: 'x'.repeat(300_000) }) });
    expect(big.status).toBe(413);
    expect(big.body.error.code).toBe('PAYLOAD_TOO_LARGE');
    expect((await api(suite.server.url, API.health)).status).toBe(200);
  });

  it('refuses missing and forged admin tokens with 401', async () => {
    const ev = await createEvent(suite.server.url, 1);
    expect((await api(suite.server.url, API.adminEvent)).status).toBe(401);
    expect((await api(suite.server.url, API.adminEvent, { token: 'x'.repeat(43) })).status).toBe(401);
    expect((await api(suite.server.url, API.adminEvent, { token: ev.adminToken + 'A' })).status).toBe(401);
    const added = await api(suite.server.url, API.adminAteliers, { token: 'forged-token-forged-token', body: { ateliers: [{ title: 'X' }] } });
    expect(added.status).toBe(401);
  });

  it('gives 404 with UNKNOWN_CODE for an unknown join code and 404 for unknown API routes', async () => {
    const res = await api<{ error: ErrorBody }>(suite.server.url, API.join('ZZZZZZ'));
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('UNKNOWN_CODE');
    expect(res.body.error.message).toBe('Aucun événement ne correspond à ce code.');
    expect((await api(suite.server.url, '/api/nope')).status).toBe(404);
  });
});
