/**
 * The demo site has no avatar images (Confluence's profile picture paths answer 404 there), so
 * people get the initials-on-colour avatar Atlassian products fall back to, as a data URI that
 * ADS Avatar takes as its `src`.
 */
const COLOURS = ['#0055CC', '#216E4E', '#AE2E24', '#5E4DB2', '#A54800', '#206A83', '#943D73', '#4C6B1F'];

function hash(text: string): number {
  let value = 0;
  for (const char of text) value = (value * 31 + char.charCodeAt(0)) >>> 0;
  return value;
}

export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter((word) => word !== '');
  const letters = words.length === 0 ? '?' : words.length === 1 ? words[0].slice(0, 2) : `${words[0][0]}${words[words.length - 1][0]}`;
  return letters.toUpperCase();
}

export function avatarUrl(name: string, seed = name): string {
  const colour = COLOURS[hash(seed) % COLOURS.length];
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64">` +
    `<rect width="64" height="64" fill="${colour}"/>` +
    `<text x="32" y="32" dy=".35em" text-anchor="middle" font-family="-apple-system, 'Segoe UI', Roboto, sans-serif" font-size="26" font-weight="600" fill="#fff">${initialsOf(name).replace(/[<>&"]/g, '')}</text>` +
    `</svg>`;
  return `data:image/svg+xml;utf8,${encodeURIComponent(svg)}`;
}
