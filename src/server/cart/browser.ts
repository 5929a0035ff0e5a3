// The cart's pure module the browser runs (limits and refusals); index.ts is the server's face.
export * from './cart-limits';
