// Writes a page's SEO (page-seo.ts) into the document head: during the server render, where
// crawlers read it, and again at hydration, replacing what the server wrote rather than
// adding a second copy. Call from a page's constructor.
import { DOCUMENT } from '@angular/common';
import { inject } from '@angular/core';
import { Meta, Title } from '@angular/platform-browser';
import type { PageSeo } from './page-seo';

const MARK = 'data-seo';

export function applySeo(seo: PageSeo): void {
  const document = inject(DOCUMENT);
  inject(Title).setTitle(seo.title);
  const meta = inject(Meta);
  meta.updateTag({ name: 'description', content: seo.description });
  if (seo.robots) meta.updateTag({ name: 'robots', content: seo.robots });
  else meta.removeTag('name="robots"');
  if (seo.image) meta.updateTag({ property: 'og:image', content: seo.image });
  else meta.removeTag('property="og:image"');
  document.documentElement.lang = seo.language;

  for (const old of Array.from(document.head.querySelectorAll(`[${MARK}]`))) old.remove();
  const link = (rel: string, href: string, hreflang?: string) => {
    const element = document.createElement('link');
    element.setAttribute(MARK, '');
    element.setAttribute('rel', rel);
    element.setAttribute('href', href);
    if (hreflang) element.setAttribute('hreflang', hreflang);
    document.head.appendChild(element);
  };
  link('canonical', seo.canonical);
  for (const alternate of seo.alternates) link('alternate', alternate.href, alternate.hreflang);
  if (seo.jsonLd) {
    const script = document.createElement('script');
    script.setAttribute(MARK, '');
    script.setAttribute('type', 'application/ld+json');
    // "</script>" inside a product title must not end the element.
    script.textContent = JSON.stringify(seo.jsonLd).replace(/</g, '\\u003c');
    document.head.appendChild(script);
  }
}
