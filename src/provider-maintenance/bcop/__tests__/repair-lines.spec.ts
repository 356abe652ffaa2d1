import fc from 'fast-check';
import { parseBcopNotification, readBcopCalendar } from '../parse-notification';
import { repairLines } from '../repair-lines';
import { calendar, noticeLines } from './notice-builder';
import { fixture, plain } from './notice-files';

const lines = (text: string) => repairLines(text).text.split('\r\n');

describe('repairLines', () => {
  it('leaves a well-formed text alone but for line ends and the BOM, and reports nothing', () => {
    const text = calendar(noticeLines(['SUMMARY:Works on the', '  long line']));
    expect(repairLines(`\uFEFF${text.replace(/\r\n/g, '\n')}`)).toEqual({
      text: calendar(noticeLines(['SUMMARY:Works on the long line'])),
      repairs: [],
    });
  });

  it('leaves out text around the calendar, saying so', () => {
    const text = ['Dear customer,', '', 'please find the notice below.', calendar(noticeLines()), '--', 'Example NOC', ''].join('\n');
    const repaired = repairLines(text);
    expect(repaired.repairs).toEqual(['left out 2 lines of text before BEGIN:VCALENDAR', 'left out 2 lines of text after END:VCALENDAR']);
    expect(parseBcopNotification(text)).toHaveLength(1);
  });

  it('reads CR-only line ends', () => {
    expect(lines('BEGIN:VCALENDAR\rVERSION:2.0\rEND:VCALENDAR')).toEqual(['BEGIN:VCALENDAR', 'VERSION:2.0', 'END:VCALENDAR']);
  });

  it('joins continuation lines that lost their leading space, naming them', () => {
    const repaired = repairLines(
      ['BEGIN:VEVENT', 'SUMMARY:Fibre work between Salt L', 'ake City and Denver', 'Note: up to 30 minutes', 'UID:1', 'END:VEVENT'].join(
        '\r\n',
      ),
    );
    expect(repaired.text.split('\r\n')).toEqual([
      'BEGIN:VEVENT',
      'SUMMARY:Fibre work between Salt Lake City and DenverNote: up to 30 minutes',
      'UID:1',
      'END:VEVENT',
    ]);
    expect(repaired.repairs).toEqual(['joined 2 continuation lines that lacked the leading space to the line before (lines 3, 4)']);
  });

  it('joins property names broken across lines, before or inside the parameters', () => {
    const repaired = repairLines(
      [
        'BEGIN:VEVENT',
        'X-MAINTNOTE-OBJ',
        'ECT-ID:A-1',
        'X-MAINTNOTE-',
        'STATUS:CONFIRMED',
        'DTST',
        'ART:20260610T010000Z',
        'X-MAINTNOTE-OBJECT-ID;X-MAINTNOTE-OBJECT-IMP',
        'ACT=DEGRADED:A-2',
        'END:VEVENT',
      ].join('\n'),
    );
    expect(repaired.text.split('\r\n')).toEqual([
      'BEGIN:VEVENT',
      'X-MAINTNOTE-OBJECT-ID:A-1',
      'X-MAINTNOTE-STATUS:CONFIRMED',
      'DTSTART:20260610T010000Z',
      'X-MAINTNOTE-OBJECT-ID;X-MAINTNOTE-OBJECT-IMPACT=DEGRADED:A-2',
      'END:VEVENT',
    ]);
    expect(repaired.repairs).toEqual([
      'joined a continuation line that lacked the leading space to the line before (line 9)',
      'joined the property name X-MAINTNOTE-OBJECT-ID, broken across lines from line 2',
      'joined the property name X-MAINTNOTE-STATUS, broken across lines from line 4',
      'joined the property name DTSTART, broken across lines from line 6',
    ]);
  });

  it('takes a value piece that is a word (even a property name) as the end of the line before', () => {
    expect(lines(['X-MAINTNOTE-STATUS:', 'COMPLETED', 'X-MAINTNOTE-IMPACT:OUTAGE'].join('\n'))).toEqual([
      'X-MAINTNOTE-STATUS:COMPLETED',
      'X-MAINTNOTE-IMPACT:OUTAGE',
    ]);
  });

  it('reads the wrongly folded fixture like a lenient reader, saying what it repaired', () => {
    const { events, repairs } = readBcopCalendar(fixture('folded-wrongly.ics'), 'input.ical');
    expect(events.map(({ notice }) => plain(notice))).toEqual([
      expect.objectContaining({
        maintenanceId: 'GPT-MNT-20261104-01',
        summary: 'Emergency replacement of a failed amplifier card on the Denver - Salt Lake City long-haul route',
        status: 'CONFIRMED',
        objects: [
          { id: 'GPT-WAVE-DEN-SLC-0007', impact: null },
          { id: 'GPT-WAVE-DEN-SLC-0008', impact: 'DEGRADED' },
        ],
      }),
    ]);
    expect(repairs).toEqual([
      'joined 3 continuation lines that lacked the leading space to the line before (lines 12, 14, 22)',
      'joined the property name X-MAINTNOTE-OBJECT-ID, broken across lines from line 19',
      'joined the property name X-MAINTNOTE-STATUS, broken across lines from line 24',
    ]);
  });
});

/** Text with the characters iCalendar escapes; never blank and never padded. */
const text = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9 ,;.:_-]{20,120}[A-Za-z0-9]$/);
const escape = (value: string) => value.replace(/[\\;,]/g, (c) => `\\${c}`);

describe('repairLines on notices folded without the leading space', () => {
  it('reads them as the same notice folded correctly, whenever no piece could itself start a line', () => {
    fc.assert(
      fc.property(text, text, fc.integer({ min: 8, max: 75 }), (summary, id, width) => {
        const event = noticeLines([`SUMMARY:${escape(summary)}`, `X-MAINTNOTE-MAINTENANCE-ID:${escape(id)}`]);
        const pieces = event.map((line) => line.match(new RegExp(`.{1,${width}}`, 'g'))!);
        // Ambiguous to any reader, so not this property: a piece that looks like a property line or a broken
        // name, or that starts with a space (which is a correct fold).
        fc.pre(pieces.every((line) => line.slice(1).every((piece) => !/^([A-Za-z][A-Za-z0-9-]*([;:]|$)|[ \t])/.test(piece))));
        const wrong = calendar(pieces.map((line) => line.join('\r\n')));
        const right = calendar(pieces.map((line) => line.join('\r\n ')));
        expect(parseBcopNotification(wrong)).toEqual(parseBcopNotification(right));
      }),
      { numRuns: 200 },
    );
  });
});
