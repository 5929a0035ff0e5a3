// Storefront's pure modules the browser runs (product URLs, the markets' alternates); index.ts is the server's face.
export * from './product-url';
export * from './alternates';
