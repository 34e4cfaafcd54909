/** Every error a client can receive, on HTTP bodies, socket.io acks and y-websocket close reasons.
 * Clients translate by code (see i18n/); the server also sends a French message for raw clients. */
export const ERROR_CODES = [
  'BAD_REQUEST',
  'NOT_AUTHENTICATED',
  'FORBIDDEN',
  'UNKNOWN_CODE',
  'UNKNOWN_EVENT',
  'UNKNOWN_ATELIER',
  'UNKNOWN_IDEA',
  'UNKNOWN_PARTICIPANT',
  'NOT_JOINED',
  'NOT_OWNER',
  'INVALID_PSEUDONYM',
  'INVALID_IDEA_TEXT',
  'ID_CONFLICT',
  'IDEA_DELETED',
  'RATE_LIMITED',
  'PAYLOAD_TOO_LARGE',
  'NOT_FOUND',
  'PHASE_FORBIDS',
  'ATELIER_CLOSED',
  'ATELIER_LOCKED',
  'INVALID_TRANSITION',
  'INVALID_TIMER',
  'BLOCKED',
  'PSEUDONYM_BLOCKED',
  'NO_OPEN_VOTE',
  'UNKNOWN_VOTE_ITEM',
  'VOTE_BUDGET_SPENT',
  'VOTE_ITEM_CAP',
  'VOTE_NOTHING_TO_REMOVE',
  'VOTE_OPEN',
  'UNKNOWN_CANDIDATE',
  'INTERNAL',
  /** The database (or the disk under it) does not answer right now: retry later. */
  'UNAVAILABLE',
  // Poster workshop (issue #5)
  'UNKNOWN_GROUP',
  'UNKNOWN_BOARD',
  'NOT_MEMBER',
  'INVALID_GROUP_NAME',
  'INVALID_COMMENT_TEXT',
  'TOO_MANY_GROUPS',
  /** The event has its maximum of participants: a first join is refused. */
  'EVENT_FULL',
  'UNSUPPORTED_MEDIA_TYPE',
  /** The client was built for another PROTOCOL_VERSION: it must reload. */
  'PROTOCOL_MISMATCH',
  // Hostile rooms (issue #8)
  'IMAGE_TOO_LARGE',
  'BUSY',
  'INVALID_TEXT',
  'GROUPS_BY_FACILITATORS',
  'GROUP_CREATION_LIMIT',
  // After the evening (issue #11)
  'ARCHIVE_INVALID',
  'ARCHIVE_VERSION',
  'ARCHIVE_EXISTS',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const HTTP_STATUS: Record<ErrorCode, number> = {
  BAD_REQUEST: 400,
  NOT_AUTHENTICATED: 401,
  FORBIDDEN: 403,
  UNKNOWN_CODE: 404,
  UNKNOWN_EVENT: 404,
  UNKNOWN_ATELIER: 404,
  UNKNOWN_IDEA: 404,
  UNKNOWN_PARTICIPANT: 404,
  NOT_JOINED: 409,
  NOT_OWNER: 403,
  INVALID_PSEUDONYM: 400,
  INVALID_IDEA_TEXT: 400,
  ID_CONFLICT: 409,
  IDEA_DELETED: 410,
  RATE_LIMITED: 429,
  PAYLOAD_TOO_LARGE: 413,
  NOT_FOUND: 404,
  PHASE_FORBIDS: 409,
  ATELIER_CLOSED: 409,
  ATELIER_LOCKED: 409,
  INVALID_TRANSITION: 409,
  INVALID_TIMER: 400,
  BLOCKED: 403,
  PSEUDONYM_BLOCKED: 403,
  NO_OPEN_VOTE: 409,
  UNKNOWN_VOTE_ITEM: 404,
  VOTE_BUDGET_SPENT: 409,
  VOTE_ITEM_CAP: 409,
  VOTE_NOTHING_TO_REMOVE: 409,
  VOTE_OPEN: 409,
  UNKNOWN_CANDIDATE: 404,
  INTERNAL: 500,
  UNAVAILABLE: 503,
  UNKNOWN_GROUP: 404,
  UNKNOWN_BOARD: 404,
  NOT_MEMBER: 403,
  INVALID_GROUP_NAME: 400,
  INVALID_COMMENT_TEXT: 400,
  TOO_MANY_GROUPS: 409,
  EVENT_FULL: 409,
  UNSUPPORTED_MEDIA_TYPE: 415,
  PROTOCOL_MISMATCH: 409,
  IMAGE_TOO_LARGE: 413,
  BUSY: 503,
  INVALID_TEXT: 400,
  GROUPS_BY_FACILITATORS: 403,
  GROUP_CREATION_LIMIT: 409,
  ARCHIVE_INVALID: 400,
  ARCHIVE_VERSION: 422,
  ARCHIVE_EXISTS: 409,
};

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  /** Which field was wrong, for form errors. */
  field?: string;
}

/** Every socket.io command acknowledges with exactly one of these. */
export type Ack<T> = { ok: true; data: T } | { ok: false; error: ErrorBody };

/** y-websocket connections closed by the server carry one of these WebSocket close codes. */
export const WS_CLOSE = {
  /** Frame over maxPayload (ws sends 1009 itself). */
  TOO_LARGE: 1009,
  /** Message that is not valid y-protocols sync/awareness. */
  MALFORMED: 4400,
  NOT_AUTHENTICATED: 4401,
  FORBIDDEN: 4403,
  NOT_FOUND: 4404,
  RATE_LIMITED: 4429,
  /** Document would exceed its size cap. */
  DOC_TOO_LARGE: 4413,
  /** Updates whose dependencies never came (clock gaps) piled up past the bound: resync. */
  MISSING_DEPENDENCIES: 4409,
  /** A read-only client holds edits the server lacks (it lost them in a crash): discard the
   * local document and reconnect with an empty one. */
  RESYNC: 4410,
  /** The atelier was closed or reopened: reconnect to get the new rights (providers do it by themselves). */
  RIGHTS_CHANGED: 4205,
  SHUTTING_DOWN: 1001,
} as const;
