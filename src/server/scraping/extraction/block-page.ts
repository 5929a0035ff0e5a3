// Recognising the pages anti-bot systems serve instead of the product: Amazon's robot check,
// Cloudflare, DataDome, PerimeterX, Akamai and Imperva challenges, and generic captchas. Such a
// page must never be stored as a product; the crawler retires the session and backs off the
// site. Pure: reads the HTML text and the status only.
import type { BlockReason } from './listing.schema';

/**
 * Markers that only block pages carry; one is enough. Not the vendors' script names (DataDome's
 * tags.js, Cloudflare's challenge-platform, PerimeterX's client): protected shops load those
 * on every normal page too.
 */
const STRONG: ReadonlyArray<readonly [RegExp, BlockReason]> = [
  [/\/errors\/validateCaptcha|id=["']captchacharacters["']/i, 'captcha'],
  [/api-services-support@amazon\.com/i, 'robot_check'],
  [/captcha-delivery\.com/i, 'captcha'],
  [/_pxCaptcha|id=["']px-captcha/i, 'captcha'],
  [/cf-browser-verification|cf_chl_opt|<title>\s*Just a moment\.\.\.\s*<\/title>|Attention Required! \| Cloudflare/i, 'challenge'],
  [/Incapsula incident ID|<title>\s*Pardon Our Interruption|made us think you were a bot/i, 'challenge'],
  [/errors\.edgesuite\.net|<title>\s*Access Denied\s*<\/title>/i, 'access_denied'],
];

/** Sentences of robot checks in our languages; they count only on a small page (see below). */
const ROBOT_PHRASES =
  /robot check|are you a robot|not a robot|verify (?:that )?you are (?:a )?human|controllo robot|non sono un robot|v[ée]rification robot|[êe]tes-vous un robot|roboter-check|sind sie ein roboter|kein roboter|comprobaci[óo]n de robot|no soy un robot|enter the characters you see|digita i caratteri|saisissez les caract[èe]res|geben sie die (?:angezeigten )?zeichen|introduce los caracteres/i;
const CAPTCHA_WIDGET = /g-recaptcha|h-captcha|hcaptcha\.com|recaptcha\/api\.js|turnstile/i;

/**
 * A product page may carry a captcha widget (reviews, newsletter); a block page is small and
 * has nothing else. So weak markers count only below this size and without product data.
 */
const SMALL_PAGE_CHARS = 40_000;

export function detectBlockPage(html: string, status = 200): BlockReason | undefined {
  if (status === 429) return 'rate_limited';
  for (const [pattern, reason] of STRONG) if (pattern.test(html)) return reason;
  const small = html.length < SMALL_PAGE_CHARS && !/"@type"\s*:\s*"Product"|itemtype=["'][^"']*schema\.org\/Product/i.test(html);
  if (small && ROBOT_PHRASES.test(html)) return 'robot_check';
  if (small && CAPTCHA_WIDGET.test(html) && /<form/i.test(html)) return 'captcha';
  if (small && /_Incapsula_Resource/i.test(html) && !/<h1/i.test(html)) return 'challenge';
  if (status === 403 && small) return 'access_denied';
  return undefined;
}
