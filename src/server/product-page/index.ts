// Product page: what a shopper's product page needs in one read (the product in its market, its
// live price and freshness), and the opening that may start a refresh.
export * from './product-page.service';
