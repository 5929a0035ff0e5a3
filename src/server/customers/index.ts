// Customers: shoppers who have ordered, found by e-mail, with agents' notes.
export * from './customer.schema';
