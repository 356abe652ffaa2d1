/**
 * Property names a content line may start with: RFC 5545's, those of later
 * RFCs (7986, 9073, 9074, 9253, 7953, 7808) and the BCOP ones. Any `X-` name
 * starts a line too. Used only to tell a content line from a wrongly folded
 * piece of the line before it.
 */
const KNOWN_NAMES = new Set(
  [
    'BEGIN END CALSCALE METHOD PRODID VERSION ATTACH CATEGORIES CLASS COMMENT DESCRIPTION GEO LOCATION PERCENT-COMPLETE',
    'PRIORITY RESOURCES STATUS SUMMARY COMPLETED DTEND DUE DTSTART DURATION FREEBUSY TRANSP TZID TZNAME TZOFFSETFROM',
    'TZOFFSETTO TZURL ATTENDEE CONTACT ORGANIZER RECURRENCE-ID RELATED-TO URL UID EXDATE EXRULE RDATE RRULE ACTION REPEAT',
    'TRIGGER CREATED DTSTAMP LAST-MODIFIED SEQUENCE REQUEST-STATUS NAME REFRESH-INTERVAL SOURCE COLOR IMAGE CONFERENCE',
    'LOCATION-TYPE PARTICIPANT-TYPE STRUCTURED-DATA STYLED-DESCRIPTION CALENDAR-ADDRESS RESOURCE-TYPE ACKNOWLEDGED',
    'PROXIMITY BUSYTYPE LINK CONCEPT REFID TZUNTIL TZID-ALIAS-OF',
    'X-MAINTNOTE-PROVIDER X-MAINTNOTE-ACCOUNT X-MAINTNOTE-MAINTENANCE-ID X-MAINTNOTE-OBJECT-ID X-MAINTNOTE-IMPACT',
    'X-MAINTNOTE-OBJECT-IMPACT X-MAINTNOTE-STATUS',
  ]
    .join(' ')
    .split(' '),
);

/** A line's property name: the name characters before the first `;` or `:`. */
const LINE_START = /^([A-Za-z][A-Za-z0-9-]*)[;:]/;
const NAME_ONLY = /^[A-Za-z][A-Za-z0-9-]*$/;

export interface RepairedText {
  text: string;
  /** What was repaired, one sentence per kind of repair, naming the lines (1-based, as received). */
  repairs: string[];
}

/**
 * Makes a calendar text that real senders got slightly wrong readable for a
 * strict parser, and says what it changed:
 * - a byte-order mark is dropped, and CR, LF or CRLF line ends all become CRLF;
 * - RFC 5545 folds (a line break followed by a space or tab) are undone as usual;
 * - a line that does not start with a property name (known, or `X-…`) and
 *   `;` or `:` is a continuation that lost its leading space: it is joined to
 *   the line before, as a fold would have been;
 * - a property name broken across lines (`X-MAINTNOTE-OBJ` / `ECT-ID:…`) is joined back;
 * - text before BEGIN:VCALENDAR or after END:VCALENDAR is left out.
 * A property name written in mixed case (`Note:`, `Contact:`) is taken as
 * text: generators write names in upper case (some in lower case), people
 * write words. Text that a strict parser reads needs no repair and is
 * returned as it is, apart from line ends and the BOM.
 */
export function repairLines(raw: string): RepairedText {
  const physical = raw.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  // Logical lines after RFC folds, each with the 1-based number of its first physical line.
  const lines: { text: string; at: number }[] = [];
  physical.forEach((text, index) => {
    const last = lines[lines.length - 1];
    if (last && (text.startsWith(' ') || text.startsWith('\t'))) last.text += text.slice(1);
    else lines.push({ text, at: index + 1 });
  });

  const repairs: string[] = [];
  // Text around the calendar (a greeting, a signature pasted with it) is no part of it.
  const first = lines.findIndex((line) => /^BEGIN:VCALENDAR\s*$/i.test(line.text));
  const last = lines.findLastIndex((line) => /^END:VCALENDAR\s*$/i.test(line.text));
  if (first !== -1 && last > first) {
    const outside = (from: number, to: number) => lines.slice(from, to).filter((line) => line.text.trim() !== '').length;
    const [before, after] = [outside(0, first), outside(last + 1, lines.length)];
    if (before) repairs.push(`left out ${before} line${before === 1 ? '' : 's'} of text before BEGIN:VCALENDAR`);
    if (after) repairs.push(`left out ${after} line${after === 1 ? '' : 's'} of text after END:VCALENDAR`);
    if (after) lines.splice(last + 1);
    if (before) lines.splice(0, first);
  }

  const joined: number[] = [];
  const brokenNames: { at: number; name: string }[] = [];
  const out: { text: string; at: number }[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.text.trim() === '' || startsContentLine(line.text)) {
      out.push({ ...line });
      continue;
    }
    const name = brokenName(lines, i);
    if (name) {
      out.push({ text: name.text, at: line.at });
      brokenNames.push({ at: line.at, name: name.name });
      i = name.last;
      continue;
    }
    const previous = out[out.length - 1];
    if (previous && previous.text.trim() !== '' && !/^(BEGIN|END):/i.test(previous.text)) {
      previous.text += line.text;
      joined.push(line.at);
    } else {
      out.push({ ...line });
    }
  }

  if (joined.length)
    repairs.push(
      `joined ${joined.length === 1 ? 'a continuation line' : `${joined.length} continuation lines`} that lacked the leading space to the line before (${listLines(joined)})`,
    );
  for (const broken of brokenNames) repairs.push(`joined the property name ${broken.name}, broken across lines from line ${broken.at}`);
  return {
    text: out.map((line) => (/^(BEGIN|END)[:;]/i.test(line.text) ? line.text.trim() : line.text)).join('\r\n'),
    repairs,
  };
}

function startsContentLine(text: string): boolean {
  const match = LINE_START.exec(text);
  return match !== null && isPropertyName(match[1]);
}

function isPropertyName(name: string): boolean {
  const mixedCase = name !== name.toUpperCase() && name !== name.toLowerCase();
  if (mixedCase) return false;
  const upper = name.toUpperCase();
  return KNOWN_NAMES.has(upper) || (upper.startsWith('X-') && upper.length > 2);
}

/**
 * Whether lines[first] is the start of a property name that goes on in the
 * following line(s) without the leading space: it holds name characters
 * only, could begin a known or `X-` name, and joined with what follows it
 * makes a content line. Returns the joined line and the index of its last piece.
 */
function brokenName(lines: { text: string }[], first: number): { text: string; name: string; last: number } | null {
  let text = lines[first].text;
  for (let next = first + 1; next < lines.length && next <= first + 4; next++) {
    if (!NAME_ONLY.test(text) || !couldBeginName(text)) return null;
    text += lines[next].text;
    const match = LINE_START.exec(text);
    if (match && isPropertyName(match[1])) return { text, name: match[1].toUpperCase(), last: next };
  }
  return null;
}

function couldBeginName(text: string): boolean {
  const upper = text.toUpperCase();
  if (upper.startsWith('X-') || upper === 'X') return true;
  for (const name of KNOWN_NAMES) if (name.startsWith(upper)) return true;
  return false;
}

function listLines(numbers: number[]): string {
  const shown = numbers.slice(0, 10).join(', ');
  return `line${numbers.length === 1 ? '' : 's'} ${shown}${numbers.length > 10 ? `, and ${numbers.length - 10} more` : ''}`;
}
