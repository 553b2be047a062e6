// The filter model of the session browser and Insights: matching, ordering, totals, URLs.
export * from './diff';
export * from './match';
export * from './model';
export * from './search-index';
export * from './totals';
export * from './url';
