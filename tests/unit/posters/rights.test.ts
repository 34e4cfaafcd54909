import { describe, expect, it } from 'vitest';
import { can } from '@semis/shared';
import { canReadBoard, canSetGroupRoles, canWriteBoard, rolesAreMembers } from '@semis/shared/posters';

const EV = 'event-1';
const facilitator = { role: 'facilitator', eventId: EV } as const;
const member = { role: 'participant', eventId: EV, participantId: 'p1' } as const;
const groupBoard = { eventId: EV, groupId: 'g1' };
const otherGroupBoard = { eventId: EV, groupId: 'g2' };
const wall = { eventId: EV, groupId: null };

describe('poster rights', () => {
  it('lets group members write their group’s boards only', () => {
    const mine = new Set(['g1']);
    expect(canWriteBoard(member, groupBoard, mine)).toBe(true);
    expect(canWriteBoard(member, otherGroupBoard, mine)).toBe(false);
    expect(canWriteBoard(member, wall, mine)).toBe(false);
    expect(canWriteBoard(member, groupBoard, new Set())).toBe(false);
  });

  it('lets facilitators write every board of their event, and nobody another event’s', () => {
    expect(canWriteBoard(facilitator, groupBoard, new Set())).toBe(true);
    expect(canWriteBoard(facilitator, wall, new Set())).toBe(true);
    expect(canWriteBoard(facilitator, { eventId: 'other', groupId: null }, new Set())).toBe(false);
    expect(canWriteBoard(member, { eventId: 'other', groupId: 'g1' }, new Set(['g1']))).toBe(false);
  });

  it('lets everyone of the event read', () => {
    expect(canReadBoard(member, otherGroupBoard)).toBe(true);
    expect(canReadBoard(member, { eventId: 'other' })).toBe(false);
  });

  it('keeps the role table the single place for actions', () => {
    expect(can('participant', 'board.write')).toBe(false);
    expect(can('participant', 'groupBoard.write')).toBe(true);
    expect(can('participant', 'poster.comment')).toBe(true);
    expect(can('facilitator', 'poster.comment')).toBe(false);
    expect(can('facilitator', 'group.roles.any')).toBe(true);
  });

  it('names roles among members, by members or facilitators', () => {
    expect(canSetGroupRoles(member, 'g1', new Set(['g1']))).toBe(true);
    expect(canSetGroupRoles(member, 'g2', new Set(['g1']))).toBe(false);
    expect(canSetGroupRoles(facilitator, 'g2', new Set())).toBe(true);
    expect(rolesAreMembers({ animateurId: 'p1', rapporteurId: null }, new Set(['p1']))).toBe(true);
    expect(rolesAreMembers({ animateurId: 'p1', rapporteurId: 'p9' }, new Set(['p1']))).toBe(false);
  });
});
