export * from './csv';
export * from './filename';
export * from './json';
