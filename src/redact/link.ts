// Links. A URL with a path, a query or a fragment can name a person (a profile, a photo, an order page with their
// e-mail in the query, a short link to any of these), and a link to a social network or personal-page host is a
// person's page whatever its path: all are masked. A bare host ("www.dm.de", "amazon.com") names a business and
// stays, and so do the brand's own pages unless a query string could carry someone's data.
import type { Brand } from './brand.js';
import type { Span } from './spans.js';

const SCHEMED = /(?<![\p{L}\p{N}])(?:[a-z][a-z0-9+.-]*:\/\/|www\.)[^\s<>"'`]+/giu;
/** A host without a scheme: "bit.ly/3xYz", "instagram.com/anna.k"; only common top-level domains, so "z.B." is none. */
const TLDS = 'com|de|net|org|io|co|uk|at|ch|eu|me|ly|be|nl|fr|it|es|pl|info|app|tv|gl|gg|li|to|link|page|site|online|shop|blog|social|biz|us|ca|au';
const BARE = new RegExp(String.raw`(?<![\p{L}\p{N}@._/-])(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?:${TLDS})(?![\p{L}\p{N}-])(?:[/?#][^\s<>"'\x60]*)?`, 'giu');

/** Hosts whose pages are people's: social networks, messengers, link-in-bio and personal-page hosts. */
const PERSONAL_HOSTS =
  /(?:^|\.)(?:facebook\.com|fb\.com|fb\.me|instagram\.com|instagr\.am|twitter\.com|x\.com|t\.co|tiktok\.com|linkedin\.com|xing\.com|youtube\.com|youtu\.be|pinterest\.[a-z.]+|reddit\.com|snapchat\.com|threads\.net|wa\.me|whatsapp\.com|t\.me|telegram\.me|vk\.com|twitch\.tv|tumblr\.com|flickr\.com|medium\.com|substack\.com|patreon\.com|onlyfans\.com|linktr\.ee|about\.me|github\.com|github\.io|gitlab\.com|blogspot\.[a-z.]+|wordpress\.com|wixsite\.com|jimdo\w*\.com|mastodon\.\w+|bsky\.app|soundcloud\.com|spotify\.com|strava\.com|gravatar\.com|keybase\.io|discord\.gg|discord\.com)$/i;

/** What ends a sentence after a link rather than belonging to it. */
const TRAILING = /[.,;:!?'"»”’)\]}>]+$/u;

function trimmed(url: string): string {
  const trail = TRAILING.exec(url)?.[0] ?? '';
  // A closing bracket belongs to the link when the link opened one: "…/wiki/Kaffee_(Getränk)".
  const keep = trail.startsWith(')') && url.slice(0, -trail.length).includes('(') ? 1 : 0;
  return trail.length > keep ? url.slice(0, url.length - trail.length + keep) : url;
}

/** The host and whether anything follows it but a lone "/". */
function parts(url: string): { host: string; rest: string } {
  const noScheme = url.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '');
  const cut = noScheme.search(/[/?#]/);
  const hostPort = cut < 0 ? noScheme : noScheme.slice(0, cut);
  const host = hostPort.replace(/^[^@]*@/, '').replace(/:\d+$/, '').toLowerCase();
  return { host, rest: cut < 0 ? '' : noScheme.slice(cut) };
}

/** A shop's product page by its catalogue number ("amazon.com/gp/product/B000OUOYH6"): a thing, not a person. */
const PRODUCT_PAGE = /^(?:www\.)?amazon\.[a-z.]+$/;
const PRODUCT_PATH = /^\/(?:gp\/product|dp|exec\/obidos\/ASIN)\/[A-Z0-9]{10}\/?$/;

/** Whether a link (as written, trimmed) may lead to a person: see the file's head. */
export function isPersonalLink(url: string, brand: Brand): boolean {
  const { host, rest } = parts(url);
  if (PRODUCT_PAGE.test(host) && PRODUCT_PATH.test(rest)) return false;
  if (PERSONAL_HOSTS.test(host) || /[@]/.test(url.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').split(/[/?#]/)[0]!)) return true;
  if (brand.isDomain(host)) return rest.includes('?');
  return rest !== '' && rest !== '/';
}

/** Every link in a text that may lead to a person. */
export function findLinks(text: string, brand: Brand): Span[] {
  const spans: Span[] = [];
  for (const pattern of [SCHEMED, BARE]) {
    for (const match of text.matchAll(pattern)) {
      const url = trimmed(match[0]);
      if (isPersonalLink(url, brand)) spans.push({ start: match.index, end: match.index + url.length, kind: 'link' });
    }
  }
  return spans;
}
