import type { ErrorCode } from '../protocol/errors';

export const LANGUAGES = ['fr', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'fr';

/** Error messages shown to people, by code. The client's i18n resources include these. */
export const ERROR_MESSAGES: Record<Language, Record<ErrorCode, string>> = {
  fr: {
    BAD_REQUEST: 'Requête invalide.',
    NOT_AUTHENTICATED: 'Identification requise : votre lien ou votre jeton n’est pas valable.',
    FORBIDDEN: 'Vous n’avez pas le droit de faire cela.',
    UNKNOWN_CODE: 'Aucun événement ne correspond à ce code.',
    UNKNOWN_EVENT: 'Événement introuvable.',
    UNKNOWN_ATELIER: 'Atelier introuvable.',
    UNKNOWN_IDEA: 'Idée introuvable.',
    NOT_JOINED: 'Rejoignez d’abord l’événement avec son code.',
    NOT_OWNER: 'Vous ne pouvez modifier que vos propres idées.',
    INVALID_PSEUDONYM: 'Le pseudo doit faire entre 1 et 40 caractères.',
    INVALID_IDEA_TEXT: 'Une idée fait entre 1 et 280 caractères.',
    ID_CONFLICT: 'Cet identifiant d’idée est déjà utilisé.',
    IDEA_DELETED: 'Cette idée a été supprimée.',
    RATE_LIMITED: 'Trop de messages d’un coup : patientez quelques secondes.',
    PAYLOAD_TOO_LARGE: 'Message trop volumineux.',
    NOT_FOUND: 'Page introuvable.',
    INTERNAL: 'Erreur du serveur, réessayez.',
    UNKNOWN_GROUP: 'Groupe introuvable.',
    UNKNOWN_BOARD: 'Tableau introuvable.',
    NOT_MEMBER: 'Seuls les membres du groupe peuvent faire cela.',
    INVALID_GROUP_NAME: 'Le nom du groupe fait entre 1 et 60 caractères.',
    INVALID_COMMENT_TEXT: 'Un commentaire fait entre 1 et 280 caractères.',
    TOO_MANY_GROUPS: 'Cet atelier a déjà le nombre maximal de groupes.',
    UNSUPPORTED_MEDIA_TYPE: 'Format d’image non accepté : envoyez un fichier PNG, JPEG ou WebP.',
  },
  en: {
    BAD_REQUEST: 'Invalid request.',
    NOT_AUTHENTICATED: 'Sign-in required: your link or token is not valid.',
    FORBIDDEN: 'You are not allowed to do that.',
    UNKNOWN_CODE: 'No event matches this code.',
    UNKNOWN_EVENT: 'Event not found.',
    UNKNOWN_ATELIER: 'Workshop not found.',
    UNKNOWN_IDEA: 'Idea not found.',
    NOT_JOINED: 'Join the event with its code first.',
    NOT_OWNER: 'You can only change your own ideas.',
    INVALID_PSEUDONYM: 'A nickname has 1 to 40 characters.',
    INVALID_IDEA_TEXT: 'An idea has 1 to 280 characters.',
    ID_CONFLICT: 'This idea id is already taken.',
    IDEA_DELETED: 'This idea was deleted.',
    RATE_LIMITED: 'Too many messages at once: wait a few seconds.',
    PAYLOAD_TOO_LARGE: 'Message too large.',
    NOT_FOUND: 'Page not found.',
    INTERNAL: 'Server error, please retry.',
    UNKNOWN_GROUP: 'Group not found.',
    UNKNOWN_BOARD: 'Board not found.',
    NOT_MEMBER: 'Only the group’s members can do that.',
    INVALID_GROUP_NAME: 'A group name has 1 to 60 characters.',
    INVALID_COMMENT_TEXT: 'A comment has 1 to 280 characters.',
    TOO_MANY_GROUPS: 'This workshop already has the maximum number of groups.',
    UNSUPPORTED_MEDIA_TYPE: 'Image format not accepted: send a PNG, JPEG or WebP file.',
  },
};

export function pickLanguage(acceptLanguage: string | undefined): Language {
  const first = (acceptLanguage ?? '').split(',')[0]?.trim().slice(0, 2).toLowerCase();
  return (LANGUAGES as readonly string[]).includes(first ?? '') ? (first as Language) : DEFAULT_LANGUAGE;
}
