import { Controller, Get, Header, Query } from '@nestjs/common';
import ical, { ICalEventTransparency } from 'ical-generator';
import { Clock } from '../common/clock/clock';
import { BadUserInputError } from '../common/errors/domain-error';
import { SuppressionService } from './suppression.service';

const DAY = 86_400_000;

/**
 * `GET /calendar.ics`: the calendar query as an iCalendar feed for calendar
 * apps, which can only subscribe to a URL — so the token may come as
 * `?token=` as well as in the Authorization header. Without `from`/`to` it
 * covers the last 30 days and the next 336.
 */
@Controller()
export class CalendarFeedController {
  constructor(
    private readonly suppression: SuppressionService,
    private readonly clock: Clock,
  ) {}

  @Get('calendar.ics')
  @Header('content-type', 'text/calendar; charset=utf-8')
  feed(@Query('from') fromText?: string, @Query('to') toText?: string): string {
    const now = this.clock.now().getTime();
    const from = instant(fromText, 'from') ?? new Date(now - 30 * DAY);
    const to = instant(toText, 'to') ?? new Date(from.getTime() + 366 * DAY);
    const calendar = ical({ name: 'Hush maintenance', prodId: { company: 'hush', product: 'hush', language: 'EN' } });
    for (const entry of this.suppression.calendar(from, to)) {
      calendar.createEvent({
        // One VEVENT per occurrence: recurring sources repeat their id, so the start makes it unique.
        id: `${entry.source}-${entry.id}-${entry.start.getTime()}@hush`,
        start: entry.start,
        end: entry.end,
        summary: entry.title,
        description: [`source: ${entry.source}`, ...entry.targets.map((t) => `${t.type}: ${t.id}`)].join('\n'),
        categories: [{ name: entry.source }],
        transparency: ICalEventTransparency.TRANSPARENT,
      });
    }
    return calendar.toString();
  }
}

function instant(text: string | undefined, field: string): Date | null {
  if (text === undefined) return null;
  const date = new Date(text);
  if (Number.isNaN(date.getTime())) throw BadUserInputError.field(field, 'must be an ISO-8601 date-time');
  return date;
}
