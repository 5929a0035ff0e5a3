// The back office's hold on the catalog: finding a product by any of its identifiers, its
// detail with offers, margins and price history, agents' price overrides and sales stops, and
// a refresh of its source offers on demand. The shopper-facing rules stay in catalog/selling.ts.
export * from './product-lookup';
export * from './product-admin';
export * from './product-admin.service';
