// Checkout's pure module the browser runs (the form's hidden fields); index.ts is the server's face.
export * from './checkout-form';
