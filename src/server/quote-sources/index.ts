// Quote sources: where the refresher asks a source offer's live price, per shop (the sites
// table's `quoteSource`): the marketplace's offer API, or the product page itself read by the
// scrapers' extractors. The refresher's worker hands `quoteSources` to pricing's handlers;
// pricing itself knows only the offer API, so that it need not import scraping.
export { quoteSources } from './quote-sources';
export { fetchPageQuote } from './page-quote';
export { AmazonMoney, cents, EBAY_AVAILABILITY, EbayMoney, foreignCurrency, landed } from './partner-answers';
