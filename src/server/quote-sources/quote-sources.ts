// Which source the refresher asks for each offer's live price: the one its shop's row of the
// sites table names (QUOTE_SOURCE_OVERRIDES may change it per deployment). An offer is matched to
// its shop by the site name stored with it, else by its page's host.
import type { Offer } from '../catalog';
import type { Config } from '../platform/config';
import { outboundPolicy } from '../platform/outbound';
import { offerApiQuotes, OfferCallError, type QuoteFetcher } from '../pricing';
import { siteForUrl, siteTable, type SiteConfig } from '../scraping';
import { fetchPageQuote } from './page-quote';

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
  const fromOfferApi = offerApiQuotes(config);
  const pageOptions = { outbound: outboundPolicy(config), proxyUrls: config.SCRAPE_PROXY_URLS };
  const siteOf = (offer: Offer): SiteConfig | undefined => sites.find((s) => s.name === offer.site) ?? siteForUrl(offer.url, sites);
  return {
    // An offer of no known site fails as not-configured; it is counted under the default source.
    sourceOf: (offer) => siteOf(offer)?.quoteSource ?? 'offer-api',
    quote: async (offer, market, signal) => {
      const site = siteOf(offer);
      if (!site) throw new OfferCallError('not-configured', `no site in the sites table for ${offer.site} (${offer.url})`);
      switch (site.quoteSource) {
        case 'offer-api':
          return fromOfferApi.quote(offer, market, signal);
        case 'page':
          return fetchPageQuote(site, offer.url, market, signal, pageOptions);
      }
    },
  };
}
