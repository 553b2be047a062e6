export * from './items';
export * from './key-storage';
export * from './managed';
export * from './validate';
export * from './key-binding';
