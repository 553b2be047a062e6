export * from './client';
export * from './create-client';
export * from './errors';
export * from './first-page';
export * from './key-kind';
export * from './paginate';

export * from './schemas';
export * from './v2/client';
export * from './v3/client';
