// Translation: product texts for markets whose own page we have not scraped, made once per
// product and market by the translator worker through DeepL's client, and stored in the product.
export * from './translator.client';
export * from './translation.queue';
export * from './translation.service';
export * from './translation.jobs';
