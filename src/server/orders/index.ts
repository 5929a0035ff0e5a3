// Orders: the order document, its lines, timeline and supplier purchases.
export * from './order.schema';
