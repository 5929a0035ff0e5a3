// Orders: the order document, its state machine, refunds, and the back office's order actions.
export * from './order.schema';
export * from './order-state';
export * from './order-search';
export * from './order-view';
export * from './order-margin';
export * from './order.store';
export * from './order.service';
export * from './refund';
export * from './address';
export * from './postal-code';
export * from './order-total';
export * from './bank-account';
export * from './order-actions.service';
export { ORDERS } from './order.collection';
export * from './order-actions.schema';
export * from './placed-order.store';
