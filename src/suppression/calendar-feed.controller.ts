import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { createHash } from 'node:crypto';
import ical, { ICalEventTransparency } from 'ical-generator';
import { RequireRole } from '../common/auth/auth.decorators';
import { Role } from '../common/auth/role';
import { Clock } from '../common/clock/clock';
import { BadUserInputError } from '../common/errors/domain-error';
import { OverloadMonitor } from '../common/overload/overload-monitor';
import { overloadedError } from '../common/overload/shed-load.plugin';
import { TargetRegistry } from '../common/targets/target-registry';
import { SuppressionService } from './suppression.service';

const DAY = 86_400_000;

/**
 * `GET /calendar.ics`: the calendar query as an iCalendar feed for calendar
 * apps, which can only subscribe to a URL — so the token may come as
 * `?token=` as well as in the Authorization header; a CALENDAR token (which
 * can read nothing else) is enough, so no stronger token ends up in a URL. Without `from`/`to` it
 * covers the last 30 days and the next 336.
 */
@Controller()
export class CalendarFeedController {
  /** When this replica first served each feed body (by its hash): a feed's Last-Modified. */
  private readonly firstServed = new Map<string, Date>();

  constructor(
    private readonly suppression: SuppressionService,
    private readonly targets: TargetRegistry,
    private readonly clock: Clock,
    private readonly overload: OverloadMonitor,
  ) {}

  /**
   * With `ETag` and `Last-Modified`, so calendar apps can ask cheaply; 304
   * only when the body is exactly what they have (`If-None-Match`), or has
   * not changed since the time they name (`If-Modified-Since`).
   */
  @Get('calendar.ics')
  @RequireRole(Role.CALENDAR)
  async feed(
    @Req() req: Request,
    @Res() res: Response,
    @Query('from') fromText?: string,
    @Query('to') toText?: string,
    @Query('include') include?: string,
  ): Promise<void> {
    // A year of occurrences is the heaviest thing Hush serves: the first to go while it is overloaded (see ShedLoad).
    if (this.overload.refuses()) {
      const { message, extensions } = overloadedError();
      res
        .status(503)
        .setHeader('Retry-After', '1')
        .json({ errors: [{ message, extensions: { code: extensions.code } }] });
      return;
    }
    const now = this.clock.now().getTime();
    const from = instant(fromText, 'from') ?? new Date(now - 30 * DAY);
    const to = instant(toText, 'to') ?? new Date(from.getTime() + 366 * DAY);
    const body = await this.render(from, to, includes(include).has('risks'));
    const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
    const lastModified = this.servedSince(etag);
    res.setHeader('ETag', etag);
    res.setHeader('Last-Modified', lastModified.toUTCString());
    res.setHeader('Cache-Control', 'private, no-cache');
    const ifNoneMatch = req.headers['if-none-match'];
    const ifModifiedSince = Date.parse(req.headers['if-modified-since'] ?? '');
    const unchanged =
      ifNoneMatch !== undefined
        ? ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)
        : ifModifiedSince >= Math.floor(lastModified.getTime() / 1000) * 1000;
    if (unchanged) {
      res.status(304).end();
      return;
    }
    res.status(200).type('text/calendar; charset=utf-8').send(body);
  }

  private async render(from: Date, to: Date, withRisks: boolean): Promise<string> {
    const entries = await this.suppression.calendar(from, to, {}, withRisks);
    const names = await this.names(entries.flatMap((e) => e.targets));
    const calendar = ical({ name: 'Hush maintenance', prodId: { company: 'hush', product: 'hush', language: 'EN' } });
    for (const entry of entries) {
      calendar.createEvent({
        // One VEVENT per occurrence: recurring sources repeat their id, so the start makes it unique.
        id: `${entry.source}-${entry.id}-${entry.start.getTime()}@hush`,
        start: entry.start,
        end: entry.end,
        summary: entry.estimated ? `${entry.title} (estimated end)` : entry.title,
        description: [
          `source: ${entry.source}`,
          ...(entry.estimated ? ['end: estimated, until resolved'] : []),
          ...entry.targets.map((t) =>
            t.type === 'EVENTS' ? `EVENTS: ${t.id}` : `${t.type}: ${names.get(`${t.type}:${t.id}`) ?? '(deleted)'} (${t.id})`,
          ),
        ].join('\n'),
        categories: [{ name: entry.source }],
        transparency: ICalEventTransparency.TRANSPARENT,
      });
    }
    return calendar.toString();
  }

  /** Display names by `type:id`, one lookup per kind. */
  private async names(targets: { type: string; id: string }[]): Promise<Map<string, string>> {
    const byType = new Map<string, Set<string>>();
    for (const t of targets) if (t.type !== 'EVENTS') byType.set(t.type, (byType.get(t.type) ?? new Set()).add(t.id));
    const names = new Map<string, string>();
    for (const [type, ids] of byType) for (const [id, name] of await this.targets.names(type, [...ids])) names.set(`${type}:${id}`, name);
    return names;
  }

  private servedSince(etag: string): Date {
    let since = this.firstServed.get(etag);
    if (!since) {
      if (this.firstServed.size >= 1_000) this.firstServed.clear();
      since = this.clock.now();
      this.firstServed.set(etag, since);
    }
    return since;
  }
}

/** `include=risks` (comma-separated, case-insensitive): what the feed shows beyond suppressions; anything else is refused. */
function includes(given: string | string[] | undefined): Set<string> {
  const parts = new Set(
    [given ?? '']
      .flat()
      .join(',')
      .split(',')
      .map((p) => p.trim().toLowerCase())
      .filter(Boolean),
  );
  for (const part of parts) if (part !== 'risks') throw BadUserInputError.field('include', `unknown: ${part} (known: risks)`);
  return parts;
}

function instant(text: string | undefined, field: string): Date | null {
  if (text === undefined) return null;
  const date = new Date(text);
  if (Number.isNaN(date.getTime())) throw BadUserInputError.field(field, 'must be an ISO-8601 date-time');
  return date;
}
