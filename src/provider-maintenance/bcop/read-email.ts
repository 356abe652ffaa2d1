import PostalMime from 'postal-mime';
import { BadUserInputError } from '../../common/errors/domain-error';
import { isJson } from './read-calendar';

/** An e-mail as the import needs it: its calendar texts and what identifies it as a notification. */
export interface MaintenanceEmail {
  /** The text of each distinct calendar part, in the e-mail's order. */
  calendars: string[];
  subject: string | null;
  /** The From address (else Sender, else Return-Path). */
  sender: string | null;
  /** When it arrived: the date of the newest Received header, else the Date header; null when neither can be read. */
  receivedAt: Date | null;
  /** What the reader had to do beyond taking calendar parts, for the import's warnings. */
  notes: string[];
}

/** MIME types providers send calendars as (RFC 5545's, and the older and ad-hoc ones still seen). */
const CALENDAR_TYPES = new Set(['text/calendar', 'application/ics', 'text/x-vcalendar', 'application/x-ics', 'text/ics']);
const CALENDAR_FILE = /\.(ics|ical|ifb|vcs)$/i;
const CALENDAR_IN_TEXT = /^BEGIN:VCALENDAR[ \t]*$[\s\S]*?^END:VCALENDAR[ \t]*$/gim;
const HEADER_FIELD = /^[\x21-\x39\x3b-\x7e]+:/;

/**
 * Reads an RFC 822 e-mail (as saved or forwarded as a file, with its
 * headers) with postal-mime, which decodes MIME structure, transfer
 * encodings and charsets. The calendars are its `text/calendar` parts (and
 * `.ics` attachments under any type), including those of a forwarded message
 * inside it; identical parts (the same calendar inline and attached) count
 * once. Without any, a calendar written into the plain-text body is used.
 * Problems are reported on `path`.
 */
export async function readMaintenanceEmail(raw: string, path: string): Promise<MaintenanceEmail> {
  const text = raw.replace(/^\uFEFF/, '').replace(/^\s+/, '');
  if (/^BEGIN:VCALENDAR/i.test(text))
    throw BadUserInputError.field(path, 'is an iCalendar text, not an e-mail: import it with importMaintenanceNotification');
  if (isJson(text.trim()))
    throw BadUserInputError.field(path, 'is JSON, not an e-mail: send the e-mail as received (RFC 822 text: headers, then body)');
  // An mbox export starts with a "From sender date" line, which is no header.
  const message = text.replace(/^From [^\r\n]*\r?\n/, '');
  if (!HEADER_FIELD.test(message)) throw BadUserInputError.field(path, 'is not an e-mail: RFC 822 text starts with its header fields');
  let email: PostalMime.Email;
  try {
    email = await PostalMime.parse(message, { attachmentEncoding: 'arraybuffer' });
  } catch {
    throw BadUserInputError.field(path, 'is not an e-mail that can be read (RFC 822 / MIME)');
  }
  if (!email.headers.some((h) => ['from', 'subject', 'date', 'content-type', 'message-id', 'received'].includes(h.key)))
    throw BadUserInputError.field(
      path,
      'is not an e-mail: it has none of the headers From, Subject, Date, Content-Type, Message-ID, Received',
    );

  const notes: string[] = [];
  const decoder = new TextDecoder('utf-8');
  let calendars = email.attachments
    .filter((part) => CALENDAR_TYPES.has(part.mimeType) || CALENDAR_FILE.test(part.filename ?? ''))
    .map((part) => (typeof part.content === 'string' ? part.content : decoder.decode(part.content)));
  if (calendars.length === 0 && email.text) {
    calendars = [...email.text.matchAll(CALENDAR_IN_TEXT)].map((match) => match[0]);
    if (calendars.length) notes.push('the e-mail has no text/calendar part; read the calendar written in its text');
  }
  const seen = new Set<string>();
  calendars = calendars.filter((calendar) => {
    const key = calendar.replace(/\r\n?/g, '\n').trim();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  if (calendars.length === 0) throw BadUserInputError.field(path, 'has no text/calendar part (and no .ics attachment)');

  const from = email.from ?? email.sender;
  return {
    calendars,
    subject: email.subject?.trim() || null,
    sender: (from && 'address' in from && from.address ? from.address : null) ?? email.returnPath?.replace(/^<|>$/g, '') ?? null,
    receivedAt: receivedAt(email),
    notes,
  };
}

function receivedAt(email: PostalMime.Email): Date | null {
  // Each server puts its Received header on top; its date (after the last ";") is when the message reached it.
  const received = email.headers.find((h) => h.key === 'received')?.value;
  const candidates = [received?.slice(received.lastIndexOf(';') + 1), email.date];
  for (const candidate of candidates) {
    const time = candidate ? Date.parse(candidate.trim()) : NaN;
    if (Number.isFinite(time)) return new Date(time);
  }
  return null;
}
