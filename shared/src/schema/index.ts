export * from './common';
export * from './event';
export * from './participant';
export * from './idea';
export * from './vote';
export * from './candidate';
export * from './poster';
export * from './text';
