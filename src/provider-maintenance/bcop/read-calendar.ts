import ICAL from 'ical.js';
import { BadUserInputError } from '../../common/errors/domain-error';

// ical.js quotes the offending line in its messages; a pasted e-mail can make that line very long.
const MAX_DETAIL = 200;

/** Parses the text into its one VCALENDAR, or refuses it with a problem on `path`. */
export function readCalendar(text: string, path: string): ICAL.Component {
  const notICalendar = (why: string) => BadUserInputError.field(path, `is not iCalendar: ${why}`);
  let jCal: unknown;
  try {
    jCal = ICAL.parse(text);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw notICalendar(why.length > MAX_DETAIL ? `${why.slice(0, MAX_DETAIL)}…` : why);
  }
  // ical.js returns one component as [name, properties, components], several as a list of those.
  if (!Array.isArray(jCal) || jCal.length === 0) throw notICalendar('it is empty');
  if (Array.isArray(jCal[0]))
    throw BadUserInputError.field(path, `holds ${jCal.length} top-level components; a notification is one VCALENDAR`);
  if (jCal[0] !== 'vcalendar') throw notICalendar(`it begins with ${String(jCal[0]).toUpperCase()}, not VCALENDAR`);
  return new ICAL.Component(jCal);
}
