/**
 * `@semis/shared`: what every part needs (schemas, protocol, phases, permissions, the wall's
 * documents) and what a phone may load. Heavy parts have their own entry points so the
 * participant bundle never pulls them in:
 *   `@semis/shared/grouping`  the French grouping lexicon and cluster titles
 *   `@semis/shared/posters`   poster, AFOM and debate documents, geometry, poster rights
 *   `@semis/shared/chorems`   Brunet's chorème catalogue and glyphs
 *   `@semis/shared/render`    SVG rendering of posters and boards (exports)
 */
export * from './schema/index';
export * from './protocol/index';
export * from './ydoc/board';
export * from './ydoc/migrations';
export * from './ydoc/clusters';
export * from './ydoc/authors';
export * from './domain/votes';
export * from './domain/permissions';
export * from './domain/phases';
export * from './domain/retention';
export * from './domain/timer';
export * from './domain/joinCode';
export * from './domain/text';
export * from './domain/pseudonyms';
export * from './templates/ateliers';
export * from './templates/method';
export * from './i18n/errors';
export * from './i18n/report';
export * from './domain/wallFrames';
