// Storefront: what the shop serves beside its pages: which market a visitor lands in, and the
// sitemaps of our catalog. The listing's search lives in catalog; the pages in src/app.
export * from './sitemap';
export * from './alternates';
export * from './product-url';
export * from './legacy-product-url.service';
export * from './sitemap.service';
