import { randomBytes } from 'node:crypto';
import { MAX_BODY_BYTES } from '../../src/common/graphql/request-body';
import { ADMIN_SECRET, codes, TestHush } from '../support/hush';

const IMPORT = `mutation($p: ID!, $ical: String!) {
  importMaintenanceNotification(input: { providerId: $p, ical: $ical }) { outcome maintenance { providerMaintenanceId } } }`;
const IMPORT_EMAIL = `mutation($p: ID!, $email: String!) {
  importMaintenanceEmail(input: { providerId: $p, email: $email }) { outcome maintenance { providerMaintenanceId } } }`;

/** A BCOP notice carrying `padding` in a property nobody reads, folded as RFC 5545 folds long lines. */
function notice(id: string, padding: string): string {
  const folded: string[] = [];
  for (let i = 0; i < padding.length; i += 24) folded.push(padding.slice(i, i + 24));
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Example Transit//Maintenance//EN',
    'BEGIN:VEVENT',
    `UID:${id}@example-transit.net`,
    'DTSTAMP:20260501T120000Z',
    'DTSTART:20260610T220000Z',
    'DTEND:20260611T020000Z',
    `SUMMARY:Planned fibre work ${id}`,
    'X-MAINTNOTE-PROVIDER:example-transit.net',
    'X-MAINTNOTE-ACCOUNT:4711',
    `X-MAINTNOTE-MAINTENANCE-ID:${id}`,
    'X-MAINTNOTE-IMPACT:OUTAGE',
    'X-MAINTNOTE-STATUS:CONFIRMED',
    'ORGANIZER;CN="Example NOC":mailto:noc@example-transit.net',
    ...(padding ? [`X-EXAMPLE-NOTES:${folded.join('\r\n ')}`] : []),
    'END:VEVENT',
    'END:VCALENDAR',
    '',
  ].join('\r\n');
}

async function post(hush: TestHush, body: string, contentType = 'application/json') {
  const res = await fetch(`${hush.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': contentType, authorization: `Bearer ${ADMIN_SECRET}` },
    body,
  });
  return { status: res.status, type: res.headers.get('content-type') ?? '', text: await res.text() };
}

describe('request bodies', () => {
  let hush: TestHush;
  let provider: string;
  beforeAll(async () => {
    hush = await TestHush.start();
    provider = (await hush.ok('mutation { createProvider(input: { name: "Example Transit", slug: "example-transit" }) { id } }'))
      .createProvider.id;
  });
  afterAll(() => hush.close());

  it('imports a notice whose request is well over 2 MB (a long notice in Japanese, under the 1,000,000-character field limit)', async () => {
    const ical = notice('LONG-1', 'メンテナンスのお知らせ'.repeat(76_000));
    expect(ical.length).toBeLessThan(1_000_000);
    const body = JSON.stringify({ query: IMPORT, variables: { p: provider, ical } });
    expect(Buffer.byteLength(body)).toBeGreaterThan(2.5 * 1024 * 1024);
    expect(Buffer.byteLength(body)).toBeLessThan(MAX_BODY_BYTES);
    const res = await post(hush, body);
    expect(JSON.parse(res.text)).toEqual({
      data: { importMaintenanceNotification: { outcome: 'CREATED', maintenance: { providerMaintenanceId: 'LONG-1' } } },
    });
  });

  it('imports an e-mail of well over 2 MB (its calendar part and a large attachment)', async () => {
    const attachment = randomBytes(1_900_000).toString('base64').replace(/.{76}/g, '$&\r\n');
    const email = [
      'From: "Example NOC" <noc@example-transit.net>',
      'To: noc@example.org',
      'Subject: Planned maintenance MAIL-1',
      'Date: Mon, 01 Jun 2026 09:00:00 +0000',
      'Message-ID: <mail-1@example-transit.net>',
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="part"',
      '',
      '--part',
      'Content-Type: text/calendar; charset=utf-8; method=PUBLISH',
      '',
      notice('MAIL-1', ''),
      '--part',
      'Content-Type: application/pdf; name="circuit-details.pdf"',
      'Content-Disposition: attachment; filename="circuit-details.pdf"',
      'Content-Transfer-Encoding: base64',
      '',
      attachment,
      '--part--',
      '',
    ].join('\r\n');
    const body = JSON.stringify({ query: IMPORT_EMAIL, variables: { p: provider, email } });
    expect(Buffer.byteLength(body)).toBeGreaterThan(2.5 * 1024 * 1024);
    const res = await post(hush, body);
    expect(JSON.parse(res.text)).toEqual({
      data: { importMaintenanceEmail: { outcome: 'CREATED', maintenance: { providerMaintenanceId: 'MAIL-1' } } },
    });
  });

  it('refuses a field over its own limit inside an acceptable body with BAD_USER_INPUT at its path', async () => {
    const res = await hush.gql(IMPORT, { p: provider, ical: notice('LONG-2', 'x'.repeat(1_000_000)) });
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors![0].extensions!.fields).toEqual([{ path: 'input.ical', message: expect.stringContaining('1000000') }]);
  });

  it('answers a body over the limit with HTTP 413 and a coded GraphQL error naming the limit', async () => {
    const ical = notice('HUGE', 'メンテナンス'.repeat(250_000));
    const res = await post(hush, JSON.stringify({ query: IMPORT, variables: { p: provider, ical } }));
    expect(res.status).toBe(413);
    expect(res.type).toMatch(/^application\/json/);
    expect(JSON.parse(res.text)).toEqual({
      errors: [
        {
          message: `The request body is larger than the limit of 4 MB (${MAX_BODY_BYTES} bytes)`,
          extensions: { code: 'PAYLOAD_TOO_LARGE', limitBytes: MAX_BODY_BYTES },
        },
      ],
    });
  });

  it.each([
    ['malformed JSON', '{"query": "{ me { id } }"', 'application/json'],
    ['an unknown charset', '{"query": "{ me { id } }"}', 'application/json; charset=klingon'],
  ])('answers %s with its 4xx and a coded GraphQL error, never a stack', async (_name, body, contentType) => {
    const res = await post(hush, body, contentType);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(res.type).toMatch(/^application\/json/);
    const answer = JSON.parse(res.text);
    expect(answer.errors).toEqual([
      { message: expect.stringMatching(/^The request body could not be read/), extensions: { code: 'BAD_REQUEST' } },
    ]);
    expect(res.text).not.toMatch(/node_modules|at \w+ \(/);
  });
});
