export * from './items';
export * from './key-binding';
export * from './key-storage';
export * from './managed';
export * from './validate';
