// Catalog: products with their per-market offers and selling prices, and how they are found.
export * from './taxonomy';
export * from './product.schema';
export * from './product.store';
export * from './product-summary';
export * from './product-cache';
export * from './product-cache.store';
export * from './selling';
export * from './search-tokens';
export * from './product-text';
export * from './product-version';
export * from './product-search.schema';
export * from './product-search-cursor';
export * from './product-search-indexes';
export * from './product-search';
export * from './product-search.store';
export * from './product.collection';
