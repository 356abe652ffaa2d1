import { ImportOutcome } from './import-outcome';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import type { Actor } from '../common/auth/actor';
import { ChangeLogService } from '../common/changelog/changelog.service';
import { Clock } from '../common/clock/clock';
import { BadUserInputError, type FieldProblem } from '../common/errors/domain-error';
import { isUniqueViolation } from '../common/errors/pg-errors';
import { NO_MAINTENANCE, readBcopCalendar, type BcopCalendar, type BcopNotification } from './bcop/parse-notification';
import { namesProvider } from './bcop/provider-match';
import { readMaintenanceEmail } from './bcop/read-email';
import { Circuit, Provider } from './entities/inventory.entities';
import { ImpactTargetKind } from '../common/targets/impact-target.type';
import { Impact, Maintenance } from './entities/maintenance.entity';
import { EventNotification, NotificationFormat } from './entities/notification.entity';
import { ImpactsService } from './impacts.service';
import { MaintenanceService, OBJECT_TYPE } from './maintenance.service';
import { ImpactLevel, MaintenanceStatus } from './maintenance-status';
import { impactsFrozen } from './workflow/maintenance-workflow';

/** What one maintenance of a notification became. */
export interface ImportEntry {
  maintenance: Maintenance;
  outcome: ImportOutcome;
  unknownObjectIds: string[];
}

/** The entry of the first maintenance in the notification, every entry, and what the import repaired or noticed. */
export interface ImportResult extends ImportEntry {
  entries: ImportEntry[];
  warnings: string[];
}

/** The notification as it is kept on each maintenance it concerns; null fields are taken from the notice. */
interface RawNotification {
  body: string;
  format: NotificationFormat;
  subject: string | null;
  sender: string | null;
  receivedAt: Date | null;
}

/** A notice to apply, with the key it is stored under (its maintenance id, or a second window's). */
interface Planned {
  notice: BcopNotification;
  path: string;
  key: string;
}

interface Objects {
  known: { circuit: Circuit; level: ImpactLevel }[];
  unknown: string[];
}

/** A notice that names no impact is taken at its worst: the NOC would rather over-warn. */
const DEFAULT_IMPACT = ImpactLevel.OUTAGE;
const LEVELS = Object.values(ImpactLevel);
/** One notification is one transaction: a bound keeps it short (providers send one to a few). */
const MAX_MAINTENANCES = 200;
/** Replacement chains are short; this only stops a loop on corrupt data. */
const MAX_CHAIN = 100;

/**
 * Turns a provider's BCOP iCalendar notification — given as text or inside an
 * e-mail — into maintenances, one per maintenance VEVENT: the first notice of
 * a maintenance id creates it, later ones (higher SEQUENCE) update it, status
 * through the workflow, and older ones are ignored. A RE-SCHEDULED notice
 * with new times makes a replacement. Objects that are known circuits of the
 * provider become impacts; the others are reported, never dropped silently.
 * The notification is kept on each maintenance, and all of it is one
 * transaction with its changelog entries.
 */
@Injectable()
export class BcopImportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly maintenances: MaintenanceService,
    private readonly impacts: ImpactsService,
    private readonly changeLog: ChangeLogService,
    private readonly clock: Clock,
  ) {}

  import(input: { providerId: string; ical: string }, actor: Actor): Promise<ImportResult> {
    const calendar = readBcopCalendar(input.ical, 'input.ical');
    if (calendar.events.length === 0) throw BadUserInputError.field('input.ical', NO_MAINTENANCE);
    const warnings = calendar.repairs.map((repair) => `input.ical: ${repair}`);
    const raw: RawNotification = { body: input.ical, format: NotificationFormat.ICAL, subject: null, sender: null, receivedAt: null };
    return this.apply(input.providerId, calendar.events, warnings, raw, actor);
  }

  /** An RFC 822 e-mail: its calendar parts are the notification, the e-mail is what is kept. */
  async importEmail(input: { providerId: string; email: string }, actor: Actor): Promise<ImportResult> {
    const email = await readMaintenanceEmail(input.email, 'input.email');
    const warnings = email.notes.map((note) => `input.email: ${note}`);
    const problems: FieldProblem[] = [];
    const calendars: { root: string; calendar: BcopCalendar }[] = [];
    email.calendars.forEach((text, index) => {
      const root = `input.email.calendar[${index}]`;
      try {
        calendars.push({ root, calendar: readBcopCalendar(text, root) });
      } catch (error) {
        if (!(error instanceof BadUserInputError)) throw error;
        problems.push(...error.fields);
      }
    });
    if (problems.length) throw new BadUserInputError(problems);
    const events = calendars.flatMap(({ calendar }) => calendar.events);
    if (events.length === 0) throw BadUserInputError.field('input.email', `${NO_MAINTENANCE} in any of its calendars`);
    for (const { root, calendar } of calendars) {
      warnings.push(...calendar.repairs.map((repair) => `${root}: ${repair}`));
      if (calendar.events.length === 0) warnings.push(`${root}: has no maintenance (no VEVENT with X-MAINTNOTE properties); left alone`);
    }
    const raw: RawNotification = {
      body: input.email,
      format: NotificationFormat.EMAIL,
      subject: email.subject,
      sender: email.sender,
      receivedAt: email.receivedAt,
    };
    return this.apply(input.providerId, events, warnings, raw, actor);
  }

  private async apply(
    providerId: string,
    events: { notice: BcopNotification; path: string }[],
    warnings: string[],
    raw: RawNotification,
    actor: Actor,
  ): Promise<ImportResult> {
    const planned = plan(events, warnings);
    if (planned.length > MAX_MAINTENANCES)
      throw BadUserInputError.field(
        raw.format === NotificationFormat.EMAIL ? 'input.email' : 'input.ical',
        `holds ${planned.length} maintenances; at most ${MAX_MAINTENANCES} are imported from one notification`,
      );
    for (const { notice, path } of planned) warnings.push(...noticeWarnings(notice, path));
    const run = () =>
      this.dataSource.transaction(async (manager) => {
        const provider = await manager.findOneBy(Provider, { id: providerId });
        if (!provider) throw BadUserInputError.field('input.providerId', `no provider ${providerId}`);
        const notes = [...warnings, ...providerWarnings(planned, provider)];
        const entries: ImportEntry[] = [];
        for (const item of planned) entries.push(await this.applyOne(manager, providerId, item, raw, notes, actor));
        // Each as it is once the whole notification is applied (a later VEVENT may have changed an earlier one's).
        const ids = [...new Set(entries.map((e) => e.maintenance.id))];
        const now = new Map((await manager.findBy(Maintenance, { id: In(ids) })).map((m) => [m.id, m]));
        const final = entries.map((e) => ({ ...e, maintenance: now.get(e.maintenance.id) ?? e.maintenance }));
        return { ...final[0], entries: final, warnings: notes };
      });
    try {
      return await run();
    } catch (error) {
      // Two imports of one new maintenance at once: the second finds it on a second try and updates it.
      if (isUniqueViolation(error, 'UQ_maintenance_provider_notice')) return run();
      throw error;
    }
  }

  private async applyOne(
    manager: EntityManager,
    providerId: string,
    { notice, path, key }: Planned,
    raw: RawNotification,
    warnings: string[],
    actor: Actor,
  ): Promise<ImportEntry> {
    const objects = await this.objects(manager, providerId, notice, path, warnings);
    const chain = await this.current(manager, providerId, key);
    const entry = (maintenance: Maintenance, outcome: ImportOutcome): ImportEntry => ({
      maintenance,
      outcome,
      unknownObjectIds: objects.unknown,
    });
    if (!chain) return entry(await this.create(manager, providerId, key, notice, objects, raw, null, actor), ImportOutcome.CREATED);

    const { head, keyHolder, sequence } = chain;
    if (notice.sequence !== null && sequence !== null && notice.sequence < sequence) return entry(head, ImportOutcome.IGNORED_OLDER);
    const moved = head.startsAt.getTime() !== notice.start.getTime() || head.endsAt.getTime() !== notice.end.getTime();
    if (notice.status === MaintenanceStatus.RE_SCHEDULED && moved) {
      // The key moves to the replacement, so that later notices find it; the replaced one keeps the link (replacedBy).
      await manager.update(Maintenance, { id: keyHolder.id }, { providerMaintenanceId: null });
      return entry(await this.create(manager, providerId, key, notice, objects, raw, head, actor), ImportOutcome.CREATED);
    }

    // Impacts before status: a notice that cancels or completes still records what it touches.
    const impactsChanged = await this.syncImpacts(manager, head, objects.known, actor);
    const before = JSON.stringify(head);
    const status = notice.status === MaintenanceStatus.RE_SCHEDULED ? null : notice.status;
    const updated = await this.maintenances.change(
      manager,
      head.id,
      { ...fields(notice), ...(status ? { status } : {}), noticeSequence: notice.sequence ?? head.noticeSequence },
      actor,
    );
    const rawKept = await this.keepRaw(manager, updated, notice, raw, actor);
    const changed = impactsChanged || rawKept || JSON.stringify(updated) !== before;
    return entry(updated, changed ? ImportOutcome.UPDATED : ImportOutcome.UNCHANGED);
  }

  /**
   * A new maintenance from a notice. As the replacement of `replaces` (a
   * RE-SCHEDULED notice with new times) it is CONFIRMED — the provider has
   * announced the times — keeps the NOC's ticket, comments and impact
   * description and its impacts on anything but circuits (which come from the
   * notice), and is not yet acknowledged; inserting it makes `replaces`
   * RE_SCHEDULED (ReplacementSubscriber). A first notice that is RE-SCHEDULED
   * is CONFIRMED for the same reason.
   */
  private async create(
    manager: EntityManager,
    providerId: string,
    key: string,
    notice: BcopNotification,
    objects: Objects,
    raw: RawNotification,
    replaces: Maintenance | null,
    actor: Actor,
  ): Promise<Maintenance> {
    const status =
      replaces || notice.status === MaintenanceStatus.RE_SCHEDULED
        ? MaintenanceStatus.CONFIRMED
        : (notice.status ?? MaintenanceStatus.UNKNOWN);
    const created = await this.maintenances.insert(
      manager,
      {
        ...fields(notice),
        name: key.slice(0, 100),
        providerId,
        status,
        internalTicket: replaces?.internalTicket ?? '',
        acknowledged: false,
        comments: replaces?.comments ?? '',
        impactDescription: replaces?.impactDescription ?? '',
        replacesId: replaces?.id ?? null,
        providerMaintenanceId: key,
        noticeSequence: notice.sequence,
      },
      actor,
    );
    if (replaces) {
      const kept = await manager.find(Impact, { where: { maintenanceId: replaces.id } });
      const carried = kept.filter((impact) => impact.targetType !== ImpactTargetKind.CIRCUIT);
      if (carried.length) {
        await manager.insert(
          Impact,
          carried.map(({ targetType, targetId, level }) => ({ maintenanceId: created.id, targetType, targetId, level })),
        );
        await this.changeLog.record(manager, {
          objectType: OBJECT_TYPE,
          objectId: created.id,
          action: 'UPDATE',
          actor,
          changes: {
            impacts: {
              before: carried.map(() => null),
              after: carried.map(({ targetType, targetId, level }) => ({ type: targetType, target: targetId, level, from: replaces.id })),
            },
          },
          status: created.status,
        });
      }
    }
    // Every impact the notice names, whatever its status: a maintenance first seen CANCELLED or COMPLETED keeps them too.
    await this.syncImpacts(manager, created, objects.known, actor, true);
    await this.keepRaw(manager, created, notice, raw, actor);
    return created;
  }

  /**
   * The maintenance a notice with this key is about: the one stored under the
   * key, or — when that was replaced (by a provider's RE-SCHEDULED notice, or
   * by hand) — the newest replacement down the line. Locked for the rest of
   * the transaction. `sequence` is the highest SEQUENCE applied along the way.
   */
  private async current(
    manager: EntityManager,
    providerId: string,
    key: string,
  ): Promise<{ head: Maintenance; keyHolder: Maintenance; sequence: number | null } | null> {
    const keyHolder = await manager.findOne(Maintenance, {
      where: { providerId, providerMaintenanceId: key },
      lock: { mode: 'pessimistic_write' },
    });
    if (!keyHolder) return null;
    let head = keyHolder;
    let sequence = keyHolder.noticeSequence;
    for (let step = 0; head.status === MaintenanceStatus.RE_SCHEDULED && step < MAX_CHAIN; step++) {
      const next = await manager.findOne(Maintenance, {
        where: { replacesId: head.id },
        order: { createdAt: 'DESC', id: 'DESC' },
        lock: { mode: 'pessimistic_write' },
      });
      if (!next) break;
      head = next;
      if (next.noticeSequence !== null) sequence = Math.max(sequence ?? next.noticeSequence, next.noticeSequence);
    }
    return { head, keyHolder, sequence };
  }

  /**
   * The notice's objects that are circuits of this provider (by circuit id),
   * each once, and those that are not. An object named twice is kept once,
   * at the worse of its levels, with a warning.
   */
  private async objects(
    manager: EntityManager,
    providerId: string,
    notice: BcopNotification,
    path: string,
    warnings: string[],
  ): Promise<Objects> {
    const levels = new Map<string, { level: ImpactLevel; times: number }>();
    for (const object of notice.objects) {
      const level = object.impact ?? notice.impact ?? DEFAULT_IMPACT;
      const seen = levels.get(object.id);
      if (!seen) levels.set(object.id, { level, times: 1 });
      else levels.set(object.id, { level: LEVELS.indexOf(level) > LEVELS.indexOf(seen.level) ? level : seen.level, times: seen.times + 1 });
    }
    for (const [id, { level, times }] of levels)
      if (times > 1) warnings.push(`${path}.X-MAINTNOTE-OBJECT-ID: ${id} is named ${times} times; kept once, at ${level}`);
    const ids = [...levels.keys()];
    const circuits = ids.length ? await manager.find(Circuit, { where: { providerId, cid: In(ids) } }) : [];
    const byCid = new Map(circuits.map((c) => [c.cid, c]));
    return {
      known: ids.flatMap((id) => (byCid.has(id) ? [{ circuit: byCid.get(id)!, level: levels.get(id)!.level }] : [])),
      unknown: ids.filter((id) => !byCid.has(id)),
    };
  }

  /**
   * Adds the notice's circuit impacts and re-levels those it changed; returns
   * whether anything changed. On a COMPLETED or CANCELLED maintenance the
   * levels recorded stay (they are its audit record), but an impact the
   * notice names that it lacks is still added: nothing a provider says is lost.
   * `created`: the maintenance is new, so nothing is frozen yet.
   */
  private async syncImpacts(
    manager: EntityManager,
    m: Maintenance,
    known: { circuit: Circuit; level: ImpactLevel }[],
    actor: Actor,
    created = false,
  ): Promise<boolean> {
    if (known.length === 0) return false;
    const frozen = !created && impactsFrozen(m.status);
    const current = created ? [] : await manager.find(Impact, { where: { maintenanceId: m.id, targetType: ImpactTargetKind.CIRCUIT } });
    const byTarget = new Map(current.map((i) => [i.targetId, i]));
    const changes: { before: unknown; after: unknown }[] = [];
    for (const { circuit, level } of known) {
      const impact = byTarget.get(circuit.id);
      if (impact && (frozen || impact.level === level)) continue;
      if (impact) await manager.update(Impact, { id: impact.id }, { level });
      else await manager.insert(Impact, { maintenanceId: m.id, targetType: ImpactTargetKind.CIRCUIT, targetId: circuit.id, level });
      changes.push({ before: impact ? { target: circuit.cid, level: impact.level } : null, after: { target: circuit.cid, level } });
    }
    if (!changes.length) return false;
    await this.changeLog.record(manager, {
      objectType: OBJECT_TYPE,
      objectId: m.id,
      action: 'UPDATE',
      actor,
      changes: { impacts: { before: changes.map((c) => c.before), after: changes.map((c) => c.after) } },
      status: m.status,
    });
    return true;
  }

  /** Attaches the notification unless this very text is already attached; returns whether it was. */
  private async keepRaw(manager: EntityManager, m: Maintenance, notice: BcopNotification, raw: RawNotification, actor: Actor) {
    if (await manager.existsBy(EventNotification, { maintenanceId: m.id, body: raw.body })) return false;
    await this.impacts.attachNotification(
      { maintenanceId: m.id },
      {
        subject: (raw.subject ?? notice.summary).slice(0, 500),
        sender: (raw.sender ?? notice.organizer ?? notice.provider ?? 'unknown').slice(0, 320),
        receivedAt: raw.receivedAt ?? notice.stamp ?? this.clock.now(),
        body: raw.body,
        format: raw.format,
      },
      actor,
      manager,
    );
    return true;
  }
}

/** The fields a notice sets on its maintenance. */
function fields(notice: BcopNotification) {
  return {
    summary: notice.summary.slice(0, 200),
    startsAt: notice.start,
    endsAt: notice.end,
    originalTimeZone: notice.timeZone,
    originalTimeZoneName: notice.timeZoneName?.slice(0, 200) ?? null,
  };
}

/**
 * The key each notice is stored under. Several VEVENTs with one maintenance
 * id in one notification are taken as its windows (a primary and a backup
 * window, say) when they have one SEQUENCE: the first keeps the id, the
 * n-th is stored as `<id> #n`. With another SEQUENCE a VEVENT is another
 * version of the maintenance, applied in order under the same key (so an
 * older one after a newer is IGNORED_OLDER). An exact repeat of an earlier VEVENT (same times, status, sequence and
 * objects, as when a calendar is both inline and attached) is applied once.
 */
function plan(events: { notice: BcopNotification; path: string }[], warnings: string[]): Planned[] {
  const planned: Planned[] = [];
  const byId = new Map<string, Planned[]>();
  for (const { notice, path } of events) {
    const same = byId.get(notice.maintenanceId) ?? [];
    const repeat = same.find((earlier) => sameNotice(earlier.notice, notice));
    if (repeat) {
      warnings.push(`${path}: repeats ${repeat.path} (X-MAINTNOTE-MAINTENANCE-ID ${notice.maintenanceId}); applied once`);
      continue;
    }
    // Windows of one notice share its SEQUENCE; another SEQUENCE is another version of the maintenance (a
    // forwarded thread, say), applied in order under the same key.
    const nth = same.filter((earlier) => earlier.notice.sequence === notice.sequence).length + 1;
    const key = nth === 1 ? notice.maintenanceId : `${notice.maintenanceId} #${nth}`;
    if (nth > 1)
      warnings.push(
        `${path}: has the X-MAINTNOTE-MAINTENANCE-ID of ${same[0].path} (${notice.maintenanceId}) with another window; imported as its own maintenance, ${key}`,
      );
    const item = { notice, path, key };
    byId.set(notice.maintenanceId, [...same, item]);
    planned.push(item);
  }
  return planned;
}

function sameNotice(a: BcopNotification, b: BcopNotification): boolean {
  const objects = (n: BcopNotification) => JSON.stringify(n.objects);
  return (
    a.start.getTime() === b.start.getTime() &&
    a.end.getTime() === b.end.getTime() &&
    a.status === b.status &&
    a.sequence === b.sequence &&
    objects(a) === objects(b)
  );
}

/** What the import had to settle about one notice by itself. */
function noticeWarnings(notice: BcopNotification, path: string): string[] {
  const warnings: string[] = [];
  if (notice.timeZoneName !== null && notice.timeZone === null)
    warnings.push(
      `${path}.DTSTART: time zone "${notice.timeZoneName}" is no IANA or Windows zone; times were read through its VTIMEZONE, ` +
        'and the maintenance keeps the name (originalTimeZoneName) but no originalTimeZone',
    );
  if (notice.summary.length > 200) warnings.push(`${path}.SUMMARY: cut to 200 characters`);
  if (notice.maintenanceId.length > 100) warnings.push(`${path}.X-MAINTNOTE-MAINTENANCE-ID: the name is cut to 100 characters`);
  return warnings;
}

/** A warning for each X-MAINTNOTE-PROVIDER value that does not name the provider imported into. */
function providerWarnings(planned: Planned[], provider: Provider): string[] {
  const warned = new Set<string>();
  const warnings: string[] = [];
  for (const { notice, path } of planned) {
    const from = notice.provider;
    if (from === null || warned.has(from) || namesProvider(from, provider)) continue;
    warned.add(from);
    warnings.push(
      `${path}.X-MAINTNOTE-PROVIDER: the notice is from "${from}", which is not provider ${provider.name} (${provider.slug}); ` +
        `imported into ${provider.name} all the same`,
    );
  }
  return warnings;
}
