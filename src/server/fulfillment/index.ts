// Fulfillment: buying what shoppers ordered from the best source market, tracking it to their
// door, and the margin engine that says where buying pays. Orders own the order document and
// its state machine; this capability moves paid orders through purchasing → purchased →
// shipped → delivered, or to needs_attention with the reason.
export * from './trade-margin';
export * from './purchase';
export * from './supplier.client';
export * from './purchase.queue';
export * from './purchase.service';
export * from './purchase.jobs';
export * from './order-effects';
export * from './opportunities.service';
