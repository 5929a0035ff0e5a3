// Orders' pure module the browser runs (how a bank account is shown); index.ts is the server's face.
export * from './bank-account';
