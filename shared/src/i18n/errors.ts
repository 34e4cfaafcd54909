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
    UNKNOWN_PARTICIPANT: 'Participant introuvable.',
    NOT_JOINED: 'Rejoignez d’abord l’événement avec son code.',
    NOT_OWNER: 'Vous ne pouvez modifier que vos propres idées.',
    INVALID_PSEUDONYM: 'Le pseudo doit faire entre 1 et 40 caractères.',
    INVALID_IDEA_TEXT: 'Une idée fait entre 1 et 280 caractères.',
    ID_CONFLICT: 'Cet identifiant d’idée est déjà utilisé.',
    IDEA_DELETED: 'Cette idée a été supprimée.',
    RATE_LIMITED: 'Trop de messages d’un coup : patientez quelques secondes.',
    PAYLOAD_TOO_LARGE: 'Message trop volumineux.',
    NOT_FOUND: 'Page introuvable.',
    PHASE_FORBIDS: 'Ce n’est pas possible pendant cette phase de l’atelier.',
    ATELIER_CLOSED: 'Cet atelier est clôturé.',
    ATELIER_LOCKED: 'Temps écoulé : l’atelier est verrouillé.',
    INVALID_TRANSITION: 'Changement de phase impossible : on avance ou on recule d’une phase à la fois.',
    INVALID_TIMER: 'Durée invalide : entre 1 seconde et 24 heures.',
    BLOCKED: 'L’animation a bloqué votre participation à cet événement.',
    PSEUDONYM_BLOCKED: 'Ce pseudo a été bloqué par l’animation.',
    NO_OPEN_VOTE: 'Aucun vote n’est ouvert en ce moment.',
    UNKNOWN_VOTE_ITEM: 'Cet élément ne fait pas partie du vote.',
    VOTE_BUDGET_SPENT: 'Vous avez utilisé toutes vos gommettes : retirez-en une pour voter ailleurs.',
    VOTE_ITEM_CAP: 'Nombre maximum de gommettes atteint sur cet élément.',
    VOTE_NOTHING_TO_REMOVE: 'Vous n’avez pas de gommette à retirer ici.',
    VOTE_OPEN: 'Impossible pendant que le vote est ouvert.',
    UNKNOWN_CANDIDATE: 'Projet candidat introuvable.',
    INTERNAL: 'Erreur du serveur, réessayez.',
  },
  en: {
    BAD_REQUEST: 'Invalid request.',
    NOT_AUTHENTICATED: 'Sign-in required: your link or token is not valid.',
    FORBIDDEN: 'You are not allowed to do that.',
    UNKNOWN_CODE: 'No event matches this code.',
    UNKNOWN_EVENT: 'Event not found.',
    UNKNOWN_ATELIER: 'Workshop not found.',
    UNKNOWN_IDEA: 'Idea not found.',
    UNKNOWN_PARTICIPANT: 'Participant not found.',
    NOT_JOINED: 'Join the event with its code first.',
    NOT_OWNER: 'You can only change your own ideas.',
    INVALID_PSEUDONYM: 'A nickname has 1 to 40 characters.',
    INVALID_IDEA_TEXT: 'An idea has 1 to 280 characters.',
    ID_CONFLICT: 'This idea id is already taken.',
    IDEA_DELETED: 'This idea was deleted.',
    RATE_LIMITED: 'Too many messages at once: wait a few seconds.',
    PAYLOAD_TOO_LARGE: 'Message too large.',
    NOT_FOUND: 'Page not found.',
    PHASE_FORBIDS: 'Not possible during this phase of the workshop.',
    ATELIER_CLOSED: 'This workshop is closed.',
    ATELIER_LOCKED: 'Time is up: the workshop is locked.',
    INVALID_TRANSITION: 'Invalid phase change: move one phase forward or back at a time.',
    INVALID_TIMER: 'Invalid duration: between 1 second and 24 hours.',
    BLOCKED: 'The facilitators have blocked you from this event.',
    PSEUDONYM_BLOCKED: 'This nickname was blocked by the facilitators.',
    NO_OPEN_VOTE: 'No vote is open right now.',
    UNKNOWN_VOTE_ITEM: 'This item is not part of the vote.',
    VOTE_BUDGET_SPENT: 'You have used all your dots: remove one to vote elsewhere.',
    VOTE_ITEM_CAP: 'Maximum number of dots reached on this item.',
    VOTE_NOTHING_TO_REMOVE: 'You have no dot to remove here.',
    VOTE_OPEN: 'Not possible while the vote is open.',
    UNKNOWN_CANDIDATE: 'Project candidate not found.',
    INTERNAL: 'Server error, please retry.',
  },
};

export function pickLanguage(acceptLanguage: string | undefined): Language {
  const first = (acceptLanguage ?? '').split(',')[0]?.trim().slice(0, 2).toLowerCase();
  return (LANGUAGES as readonly string[]).includes(first ?? '') ? (first as Language) : DEFAULT_LANGUAGE;
}
