export * from './errors';
export * from './socket';
export * from './http';
export * from './posters';
