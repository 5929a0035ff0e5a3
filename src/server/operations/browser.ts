// Operations' pure module the browser runs (job states and views); index.ts is the server's face.
export * from './operations';
