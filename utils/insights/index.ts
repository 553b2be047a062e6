// Insights: aggregations over the cached sessions, the sessions behind each number, CSV tables.
export * from './aggregate';
export * from './chart-data';
export * from './csv';
export * from './days';
export * from './engine';
export * from './extras';
export * from './select';
export * from './tables';
export * from './types';
export * from './view';
