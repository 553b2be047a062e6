export * from './directory';
export * from './engine';
export * from './errors';
export * from './identity';
export * from './lease';
export * from './org-pass';
export * from './status';
