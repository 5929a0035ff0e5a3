// The one rule that turns a title into a URL slug: our product URLs (scraping/listing-writes/listing.ts) and the
// marketplace simulator's pages both use it. Pure.

/** At most ten words and 80 characters of ASCII letters and digits, dash-separated: `Weiß Élan 2` → `weiss-elan-2`. */
export function slugify(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .split('-')
    .slice(0, 10)
    .join('-')
    .slice(0, 80)
    .replace(/-+$/, '');
}
