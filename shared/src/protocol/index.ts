export * from './errors';
export * from './socket';
export * from './http';
export * from './facilitator';
export * from './votes';
export * from './posters';
export * from './commands';
export * from './report';
