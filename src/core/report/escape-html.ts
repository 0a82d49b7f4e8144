/**
 * Escapes text for HTML and SVG markup (element content and quoted attributes): user ids, file names
 * and strategy labels can hold `<`, `&` or quotes, and must stay text in an exported page.
 */
const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string | number): string {
  return String(text).replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}
