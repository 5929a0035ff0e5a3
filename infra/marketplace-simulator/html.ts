// Escaping for the simulated pages: text and attribute values into HTML, data into JSON-LD script
// blocks and XML. Every page builds its markup through these, so that only the deliberate
// hostile-content fault can put live markup on a page.

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The five predefined XML entities, as the sitemaps protocol asks for in `<loc>`. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] as string);
}

/**
 * JSON for a `<script type="application/ld+json">` block: `<`, `>` and `&` become \u escapes so
 * a value containing `</script>` cannot end the block, while JSON.parse still returns it intact.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
