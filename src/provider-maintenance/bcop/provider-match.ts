/** Lower-case letters and digits only: "Example-Transit.net" → "exampletransitnet". */
const squash = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Domain suffixes and company words that say nothing about which provider it is. */
const NOISE = new Set(['www', 'noc', 'com', 'net', 'org', 'io', 'de', 'uk', 'co', 'inc', 'ltd', 'llc', 'gmbh', 'ag', 'sa', 'bv', 'plc']);

/**
 * Whether a notice's X-MAINTNOTE-PROVIDER plausibly names this provider.
 * Providers write their domain ("example-transit.net"), their name ("NTT
 * (AS2914)") or a variant of either, so this is lenient: it compares letters
 * and digits only, and matches when either side holds the other, or when a
 * distinctive part of the notice's value (a domain label, a word, not
 * "com" or "noc") is the provider's slug or name. Only a clear mismatch,
 * worth a warning, is false.
 */
export function namesProvider(noticeProvider: string, provider: { name: string; slug: string }): boolean {
  const ours = [provider.name, provider.slug].map(squash).filter((s) => s.length >= 2);
  const theirs = squash(noticeProvider);
  if (theirs === '') return true;
  if (ours.some((s) => s.includes(theirs) || theirs.includes(s))) return true;
  // A domain's labels but its last (the TLD); else the words.
  const domain = /^[A-Za-z0-9.-]+\.[A-Za-z]{2,}$/.test(noticeProvider.trim());
  const pieces = domain ? noticeProvider.trim().split('.').slice(0, -1) : noticeProvider.split(/[^A-Za-z0-9-]+/);
  const parts = pieces.map(squash).filter((part) => part.length >= 3 && !NOISE.has(part) && !/^as\d+$/.test(part));
  return parts.some((part) => ours.some((s) => s === part || s.startsWith(part) || part.startsWith(s)));
}
