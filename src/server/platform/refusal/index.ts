// Refusals: the one shape every service answers a business "no" with.
export * from './refusal';
