import type { AtelierInput, AtelierPresetId } from '../schema/event';
import type { GroupCreation, PosterBoardKind } from '../schema/poster';
import type { VoteConfig } from '../schema/vote';
import { TIMER_PRESETS, type OnZero } from '../domain/timer';
import { GRANDE_SOIREE_TEMPLATE } from './ateliers';

/**
 * The method's templates to start an event from (issue #11), offered where a facilitator
 * creates one. Each atelier of a template may name a *preset*: the setup the server gives it
 * at creation — a timer set up (paused), vote settings, who forms poster groups, and the poster
 * groups themselves with their boards (the presets' ids are in schema/event.ts, which
 * validates them). The rows stay editable before the event is created.
 */
export interface AtelierPreset {
  timer: { durationMs: number; onZero: OnZero };
  vote?: Partial<VoteConfig>;
  groupCreation: GroupCreation;
  /** Groups made ready at creation, each with these boards. */
  groups: { name: string; boards: PosterBoardKind[] }[];
}

const tables = (n: number, prefix: string, boards: PosterBoardKind[]) => Array.from({ length: n }, (_, i) => ({ name: `${prefix} ${i + 1}`, boards }));
// Facilitators form the groups (5–6 people each, one table each), participants join them.
const BY_FACILITATORS: GroupCreation = { by: 'facilitators', perParticipant: 1 };

export const ATELIER_PRESETS: Record<AtelierPresetId, AtelierPreset> = {
  /** *Dessiner son territoire*: an hour to draw the poster (chorèmes, legend) and its AFOM, five tables. */
  posters: { timer: { durationMs: TIMER_PRESETS.poster, onZero: 'notify' }, groupCreation: BY_FACILITATORS, groups: tables(5, 'Table', ['poster', 'afom']) },
  /** Atouts, Faiblesses, Opportunités, Menaces, one matrix per group. */
  afom: { timer: { durationMs: 30 * 60 * 1000, onZero: 'notify' }, groupCreation: BY_FACILITATORS, groups: tables(4, 'Groupe', ['afom']) },
  /** A scenario per group (tendances, signaux, plausible ? souhaitable ? à quelles conditions ?),
   * then the wall's ideas rated *souhaitable × réaliste*. */
  debat: { timer: { durationMs: 30 * 60 * 1000, onZero: 'notify' }, vote: { mode: 'rating' }, groupCreation: BY_FACILITATORS, groups: tables(4, 'Groupe', ['debat']) },
};

export const METHOD_TEMPLATE_IDS = ['grande-soiree', 'atelier-posters', 'afom-debat'] as const;
export type MethodTemplateId = (typeof METHOD_TEMPLATE_IDS)[number];

export interface MethodTemplate {
  ateliers: AtelierInput[];
  /** The evening's global countdown, set up paused (ms). */
  timerMs?: number;
}

export const METHOD_TEMPLATES: Record<MethodTemplateId, MethodTemplate> = {
  'grande-soiree': { ateliers: GRANDE_SOIREE_TEMPLATE },
  'atelier-posters': {
    ateliers: [
      {
        title: 'Dessiner son territoire',
        theme: 'posters',
        question: 'Comment voyez-vous notre territoire : son organisation, ses dynamiques, ses ressources, ses enjeux ?',
        preset: 'posters',
      },
    ],
    // Ten minutes of restitution per group, on every screen.
    timerMs: TIMER_PRESETS.restitution,
  },
  'afom-debat': {
    ateliers: [
      { title: 'Diagnostic AFOM', theme: 'afom', question: 'Quels atouts, faiblesses, opportunités et menaces pour notre territoire ?', preset: 'afom' },
      {
        title: 'Débat de scénario',
        theme: 'prospective',
        question: 'En 2040, notre territoire vit de ses ressources locales : plausible ? souhaitable ? à quelles conditions ?',
        preset: 'debat',
      },
    ],
  },
};
