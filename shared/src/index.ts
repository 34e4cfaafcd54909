export * from './schema/index';
export * from './protocol/index';
export * from './ydoc/board';
export * from './domain/permissions';
export * from './domain/joinCode';
export * from './templates/ateliers';
export * from './i18n/errors';
