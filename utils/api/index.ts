export * from './client';
export * from './errors';
export type { RetryPolicy } from './retry';
export * from './schemas';
