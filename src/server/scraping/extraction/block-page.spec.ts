import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectBlockPage } from './block-page';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

describe('detectBlockPage', () => {
  it('recognises Amazon’s robot check and a Cloudflare challenge', () => {
    expect(detectBlockPage(fixture('amazon-captcha.html'))).toBe('captcha');
    expect(detectBlockPage(fixture('cloudflare-challenge.html'))).toBe('challenge');
  });

  it('recognises a robot check in our languages on a small page', () => {
    expect(detectBlockPage('<html><body><h1>Controllo robot</h1><form><input name="x"></form></body></html>')).toBe('robot_check');
    expect(detectBlockPage('<html><body><h1>Comprobación de robot</h1></body></html>')).toBe('robot_check');
  });

  it('takes a 429 as rate limiting whatever the body', () => {
    expect(detectBlockPage('<html></html>', 429)).toBe('rate_limited');
  });

  it('leaves product pages alone, even with a vendor’s script or a captcha for reviews', () => {
    for (const name of ['amazon-it-current.html', 'shopify-it-jsonld.html', 'microdata-de-shop.html'])
      expect(detectBlockPage(fixture(name))).toBeUndefined();
    const withScripts = fixture('shopify-it-jsonld.html').replace(
      '</head>',
      '<script src="https://js.datadome.co/tags.js"></script><script src="/cdn-cgi/challenge-platform/scripts/jsd/main.js"></script><div class="g-recaptcha"></div></head>',
    );
    expect(detectBlockPage(withScripts)).toBeUndefined();
  });
});
