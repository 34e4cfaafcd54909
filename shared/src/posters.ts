/**
 * `@semis/shared/posters`: the poster workshop's documents (canvas shapes, AFOM and debate
 * boards), its geometry and rights. Kept out of the main entry so phones never load it.
 */
export * from './ydoc/poster';
export * from './ydoc/notes';
export * from './ydoc/afom';
export * from './ydoc/debate';
export * from './domain/geometry';
export * from './domain/shapes';
export * from './domain/legend';
export * from './domain/posterRights';
