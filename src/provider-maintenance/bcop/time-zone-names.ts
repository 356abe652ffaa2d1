import { WINDOWS_TO_IANA_MAP } from 'windows-iana';

const known = new Map<string, boolean>();

/** True when this runtime can format times in the zone: the test every stored zone must pass. Memoised: every read of a maintenance asks. */
export function isIanaZone(name: string): boolean {
  let valid = known.get(name);
  if (valid === undefined) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: name });
      valid = true;
    } catch {
      valid = false;
    }
    // Names come from notices, so the memo is bounded; past the bound it just asks again.
    if (known.size < 10_000) known.set(name, valid);
  }
  return valid;
}

/**
 * Windows zone names ("W. Europe Standard Time", as Outlook and Exchange
 * write TZIDs) to IANA, from CLDR's windowsZones table: the zone CLDR names
 * for territory 001, the one it holds typical of the Windows zone. Keys are
 * lower case, since senders are not consistent about case.
 */
const WINDOWS_ZONES = new Map(
  WINDOWS_TO_IANA_MAP.filter((row) => row.territory === '001').map((row) => [row.windowsName.toLowerCase(), [...row.iana]]),
);

/**
 * The IANA zone a TZID stands for, or null when none can be told:
 * - an IANA name as it is (its case corrected, `europe/berlin` → `Europe/Berlin`);
 * - a Windows zone name through CLDR's mapping;
 * - a path that ends in an IANA name, as some generators prefix it
 *   (`/mozilla.org/20050126_1/Europe/Berlin`, `/citadel.org/20190914_1/Europe/Berlin`).
 * Every zone returned can be formatted by this runtime (`isIanaZone`), so it
 * is safe to store; a name that cannot be mapped ("Customized Time Zone") is null.
 */
export function ianaZoneFor(tzid: string): string | null {
  const name = tzid
    .trim()
    .replace(/^"(.*)"$/, '$1')
    .trim();
  if (name === '') return null;
  if (isIanaZone(name)) return properCase(name);
  const windows = WINDOWS_ZONES.get(name.toLowerCase());
  const mapped = windows?.find(isIanaZone);
  if (mapped) return mapped;
  const parts = name.split('/').filter((part) => part !== '');
  for (let from = 1; from < parts.length - 1; from++) {
    const tail = parts.slice(from).join('/');
    if (/^[A-Za-z]/.test(tail) && isIanaZone(tail)) return properCase(tail);
  }
  return null;
}

/** The runtime's spelling of an IANA name given in another case, else the name as given (never a different, canonical zone). */
function properCase(name: string): string {
  const resolved = new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  return resolved.toLowerCase() === name.toLowerCase() ? resolved : name;
}
