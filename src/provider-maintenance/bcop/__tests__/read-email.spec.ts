import { BadUserInputError } from '../../../common/errors/domain-error';
import { readMaintenanceEmail } from '../read-email';
import { calendar, noticeLines } from './notice-builder';
import { fixture } from './notice-files';

async function problemOf(raw: string) {
  const error = await readMaintenanceEmail(raw, 'input.email').then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(BadUserInputError);
  return (error as BadUserInputError).fields;
}

const mail = (headers: string[], body: string) => [...headers, '', body].join('\r\n');

describe('readMaintenanceEmail', () => {
  it('takes the calendar of a multipart e-mail once (inline and attached), with subject, sender and arrival', async () => {
    const email = await readMaintenanceEmail(fixture('confirmed-email.eml'), 'input.email');
    expect(email).toMatchObject({
      subject: '[Kestrel] Planned maintenance KN-WO-8802 – confirmed',
      sender: 'noc@kestrel-networks.example',
      receivedAt: new Date('2026-11-18T09:14:07Z'), // the newest Received header, not the sender's Date
      notes: [],
    });
    expect(email.calendars).toHaveLength(1);
    expect(email.calendars[0]).toContain('SUMMARY:Kestrel scheduled work – Zürich POP power upgrade');
  });

  it('reads a single-part calendar e-mail in another charset, dated by its Date header', async () => {
    const body = calendar(noticeLines(['SUMMARY:Wartung Zürich'])).replace('ü', '=FC');
    const email = await readMaintenanceEmail(
      mail(
        [
          'From: NOC <noc@example.net>',
          'Subject: Wartung',
          'Date: Tue, 2 Jun 2026 12:00:00 +0200',
          'Content-Type: text/calendar; charset=iso-8859-1; method=PUBLISH',
          'Content-Transfer-Encoding: quoted-printable',
        ],
        body,
      ),
      'input.email',
    );
    expect(email.receivedAt).toEqual(new Date('2026-06-02T10:00:00Z'));
    expect(email.calendars[0]).toContain('SUMMARY:Wartung Zürich');
  });

  it('falls back to a calendar written into the text body, and says so', async () => {
    const email = await readMaintenanceEmail(
      mail(
        ['From: noc@example.net', 'Subject: Maintenance', 'Content-Type: text/plain'],
        `Dear customer,\r\n\r\n${calendar(noticeLines())}`,
      ),
      'input.email',
    );
    expect(email.calendars).toHaveLength(1);
    expect(email.notes).toEqual(['the e-mail has no text/calendar part; read the calendar written in its text']);
  });

  it.each<[string, string, string]>([
    ['a calendar', calendar(noticeLines()), 'is an iCalendar text, not an e-mail: import it with importMaintenanceNotification'],
    ['plain text', 'Dear customer, we will perform maintenance', 'is not an e-mail: RFC 822 text starts with its header fields'],
    ['JSON', '{"email": "From: x"}', 'is JSON, not an e-mail: send the e-mail as received (RFC 822 text: headers, then body)'],
    [
      'headers no e-mail has',
      'Foo: bar\r\n\r\nbody',
      'is not an e-mail: it has none of the headers From, Subject, Date, Content-Type, Message-ID, Received',
    ],
    [
      'an e-mail without a calendar',
      mail(['From: noc@example.net', 'Subject: hello'], 'no calendar here'),
      'has no text/calendar part (and no .ics attachment)',
    ],
  ])('refuses %s, naming input.email', async (_, raw, message) => {
    expect(await problemOf(raw)).toEqual([{ path: 'input.email', message }]);
  });
});
