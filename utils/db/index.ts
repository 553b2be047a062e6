export * from './rows';
export * from './schema';
export * from './writes';
