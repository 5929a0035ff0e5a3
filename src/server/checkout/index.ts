// Checkout: the cart becomes an order (contact, address validated per country, payment by bank
// transfer or cash on delivery, one order per submitted form), its confirmation, and the
// shopper's order status lookup. Fulfillment (purchase, messages) follows through the outbox.
export * from './checkout.schema';
export * from './checkout';
export * from './checkout.store';
export * from './checkout.service';
export * from './order-status';
export * from './checkout-form';
export * from './order-status.schema';
export * from './order-status.service';
export * from './order-status-cookie';
