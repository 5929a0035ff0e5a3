// Money: integer cents with a currency, and how they are added and shown.
export * from './money';
