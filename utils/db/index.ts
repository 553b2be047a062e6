export * from './compact';
export * from './pages';
export * from './reads';
export * from './rows';
export * from './schema';
export * from './stamps';
export * from './summary';
export * from './writes';
