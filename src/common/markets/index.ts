// Markets: the declaration of it, fr, de, es and their locale, VAT and currency.
export * from './markets';
export * from './negotiation';
