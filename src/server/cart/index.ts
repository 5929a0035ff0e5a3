// Cart: the shopper's cart in Redis against a cookie, per market, priced against the catalog
// as it is now. Checkout (src/server/checkout) turns it into an order.
export * from './cart-limits';
export * from './cart.schema';
export * from './cart';
export * from './cart.store';
export * from './cart.service';
export * from './cart-cookie';
export * from './cart-form';
export * from './form-fields';
