// Price signals: offer changes the marketplaces push (Amazon's ANY_OFFER_CHANGED, eBay's item
// notifications), checked, queued and applied as fresh quotes, so most pages open on a price
// that is already fresh without waiting for a marketplace call.
export * from './signal-formats';
export * from './signal-signature';
export * from './signal.service';
export * from './signal.jobs';
