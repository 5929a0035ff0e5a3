// Customers: shoppers who have ordered, found by e-mail, phone or name, with agents' notes.
export * from './customer.schema';
export * from './customer.store';
export * from './customer-id';
export * from './customer.service';
export { CUSTOMERS } from './customer.collection';
export * from './search-terms';
export * from './phone-number';
