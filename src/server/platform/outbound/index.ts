// Outbound HTTP: the one way workers and routes call other hosts, with the address of every
// connection checked and redirects confined to what the caller allows.
export * from './address';
export * from './outbound';
export * from './outbound-axios';
