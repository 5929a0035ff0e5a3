// Which source the refresher asks for each offer's live price: the one its shop's row of the
// sites table names (QUOTE_SOURCE_OVERRIDES may change it per deployment). An offer is matched to
// its shop by the site name stored with it, else by its page's host. A source that needs
// credentials the configuration lacks stops the start, naming the settings to set.
import type { Offer, QuoteSource } from '../catalog';
import { ConfigError, type Config } from '../platform/config';
import { outboundPolicy } from '../platform/outbound';
import { offerApiQuotes, OfferCallError, type QuoteFetcher } from '../pricing';
import { siteForUrl, siteTable, type SiteConfig } from '../scraping';
import { EBAY_CREDENTIALS, ebayBrowseQuotes } from './ebay-browse-quote';
import { fetchPageQuote } from './page-quote';
import { SP_API_CREDENTIALS, spApiQuotes } from './sp-api-quote';

/** What each source cannot run without. */
const CREDENTIALS: Readonly<Record<QuoteSource, readonly (keyof Config)[]>> = {
  'offer-api': [],
  page: [],
  'sp-api': SP_API_CREDENTIALS,
  'ebay-browse': EBAY_CREDENTIALS,
};

/** Throws naming every credential missing for a source some site is configured to use. */
export function checkQuoteCredentials(config: Config, sites: readonly SiteConfig[]): void {
  const problems = [...new Set(sites.map((s) => s.quoteSource))].flatMap((source) => {
    const missing = CREDENTIALS[source].filter((name) => !config[name]);
    const users = sites.filter((s) => s.quoteSource === source).map((s) => s.name);
    return missing.length > 0 ? [`${missing.join(', ')} not set: ${users.join(', ')} take their live price from ${source}`] : [];
  });
  if (problems.length > 0) throw new ConfigError(problems);
}

const fetchers = new WeakMap<Config, QuoteFetcher>();

/** The fetcher for a configuration, made once: the refresher asks for it at every job. */
export function quoteSources(config: Config): QuoteFetcher {
  let fetcher = fetchers.get(config);
  if (!fetcher) {
    fetcher = sourcesOf(config);
    fetchers.set(config, fetcher);
  }
  return fetcher;
}

function sourcesOf(config: Config): QuoteFetcher {
  const sites = siteTable(config);
  checkQuoteCredentials(config, sites);
  const outbound = outboundPolicy(config);
  const fromOfferApi = offerApiQuotes(config);
  const pageOptions = { outbound, proxyUrls: config.SCRAPE_PROXY_URLS };
  // Made only for a configuration that uses them: they hold a token and a rate limiter each.
  const used = new Set(sites.map((s) => s.quoteSource));
  const fromSpApi = used.has('sp-api') ? spApiQuotes(config, outbound) : null;
  const fromEbay = used.has('ebay-browse') ? ebayBrowseQuotes(config, outbound) : null;
  const siteOf = (offer: Offer): SiteConfig | undefined => sites.find((s) => s.name === offer.site) ?? siteForUrl(offer.url, sites);
  return {
    // An offer of no known site fails as not-configured; it is counted under the default source.
    sourceOf: (offer) => siteOf(offer)?.quoteSource ?? 'offer-api',
    quote: async (offer, market, signal, cause) => {
      const site = siteOf(offer);
      if (!site) throw new OfferCallError('not-configured', `no site in the sites table for ${offer.site} (${offer.url})`);
      switch (site.quoteSource) {
        case 'offer-api':
          return fromOfferApi.quote(offer, market, signal, cause);
        case 'page':
          return fetchPageQuote(site, offer, market, signal, pageOptions);
        case 'sp-api':
          return fromSpApi!(offer, market, signal, cause);
        case 'ebay-browse':
          return fromEbay!(offer, market, signal);
      }
    },
  };
}
