export * from './items';
export * from './managed';
export * from './validate';
