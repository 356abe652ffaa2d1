import ICAL from 'ical.js';
import { BadUserInputError } from '../../common/errors/domain-error';
import { repairLines } from './repair-lines';

// ical.js quotes the offending line in its messages; a pasted e-mail can make that line very long.
const MAX_DETAIL = 200;

/** Header names that mark an e-mail's header block (RFC 5322 and the MIME and transport ones every message carries). */
const EMAIL_HEADER =
  /^(received|return-path|delivered-to|from|to|cc|reply-to|sender|subject|date|message-id|mime-version|content-type)[ \t]*:/i;

export interface ReadCalendar {
  calendar: ICAL.Component;
  /** What `repairLines` had to repair for the text to be read. */
  repairs: string[];
}

/**
 * Parses the text into its one VCALENDAR, or refuses it with a problem on
 * `path`. Lines a sender folded wrongly are repaired first (see
 * `repairLines`); an e-mail or JSON sent in place of the calendar is named
 * as such, and no parser's internal error text reaches the message.
 */
export function readCalendar(text: string, path: string): ReadCalendar {
  const notICalendar = (why: string) => BadUserInputError.field(path, `is not iCalendar: ${why}`);
  const other = otherFormat(text);
  if (other) throw notICalendar(other);
  const repaired = repairLines(text);
  let jCal: unknown;
  try {
    jCal = ICAL.parse(repaired.text);
  } catch (error) {
    // ical.js's ParserError describes the text; anything else (a TypeError on text before BEGIN) describes ical.js.
    const why = error instanceof ICAL.parse.ParserError ? error.message : startOf(repaired.text);
    throw notICalendar(why.length > MAX_DETAIL ? `${why.slice(0, MAX_DETAIL)}…` : why);
  }
  // ical.js returns one component as [name, properties, components], several as a list of those.
  if (!Array.isArray(jCal) || jCal.length === 0) throw notICalendar('it is empty');
  if (Array.isArray(jCal[0]))
    throw BadUserInputError.field(path, `holds ${jCal.length} top-level components; a notification is one VCALENDAR`);
  if (jCal[0] !== 'vcalendar') throw notICalendar(`it begins with ${String(jCal[0]).toUpperCase()}, not VCALENDAR`);
  return { calendar: new ICAL.Component(jCal), repairs: repaired.repairs };
}

/** Why the text is plainly something else than iCalendar text, or null. */
function otherFormat(text: string): string | null {
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (isJson(trimmed)) return 'it is JSON; send the iCalendar text as received (BEGIN:VCALENDAR … END:VCALENDAR), not encoded';
  if (/^BEGIN[:;]/i.test(trimmed)) return null;
  const lines = trimmed.split(/\r\n|\r|\n/, 50);
  const end = lines.findIndex((line) => line.trim() === '');
  const headers = lines.slice(0, end === -1 ? lines.length : end);
  // An e-mail starts with a header field (or an mbox "From " line), and its header block has one every e-mail has.
  if (/^([\x21-\x39\x3b-\x7e]+:|From )/.test(headers[0]) && headers.some((line) => EMAIL_HEADER.test(line)))
    return 'it is an e-mail; import it with importMaintenanceEmail, or send its text/calendar part';
  return null;
}

/** Whether the (trimmed) text is a JSON object, array or string: something a client encoded instead of sending as it was. */
export function isJson(text: string): boolean {
  if (!/^[[{"]/.test(text)) return false;
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

function startOf(text: string): string {
  const first = text.split('\r\n').find((line) => line.trim() !== '') ?? '';
  return `it does not begin with BEGIN:VCALENDAR (its first line is "${first.slice(0, 60)}${first.length > 60 ? '…' : ''}")`;
}
