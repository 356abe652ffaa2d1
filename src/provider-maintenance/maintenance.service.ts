import { rowsById } from '../common/loaders/rows-by-id';
import { lockOrNotFound } from '../common/errors/lock-or-not-found';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import DataLoader from 'dataloader';
import { DataSource, In, type EntityManager } from 'typeorm';
import type { Actor } from '../common/auth/actor';
import { ChangeLogService, type AuditedKind } from '../common/changelog/changelog.service';
import type { ChangeLogEntry } from '../common/changelog/changelog-entry.entity';
import { BadUserInputError, NotFoundError, type FieldProblem } from '../common/errors/domain-error';
import { definedOnly } from '../common/graphql/defined-only';
import { groupByKeys } from '../common/loaders/loader-registry';
import { windowLengthProblems } from '../common/window-length';
import { HushConfig } from '../config/config';
import { Provider } from './entities/inventory.entities';
import { Impact, Maintenance } from './entities/maintenance.entity';
import { MaintenanceStatus } from './maintenance-status';
import { setActor } from './replacement.subscriber';
import { setStatus, type Transition } from './workflow/maintenance-workflow';

export type MaintenanceFields = Pick<
  Maintenance,
  | 'name'
  | 'summary'
  | 'providerId'
  | 'startsAt'
  | 'endsAt'
  | 'status'
  | 'originalTimeZone'
  | 'internalTicket'
  | 'acknowledged'
  | 'comments'
  | 'impactDescription'
  | 'replacesId'
>;

export const OBJECT_TYPE = 'Maintenance';

const MAINTENANCE_FIELDS = [
  'name',
  'summary',
  'providerId',
  'startsAt',
  'endsAt',
  'status',
  'originalTimeZone',
  'internalTicket',
  'acknowledged',
  'comments',
  'impactDescription',
  'replacesId',
] as const;

const MAINTENANCE: AuditedKind<Maintenance> = { objectType: OBJECT_TYPE, fields: MAINTENANCE_FIELDS, status: (m) => m.status };

/**
 * Provider maintenances and their workflow. Every status change goes through
 * the workflow module; every write is one transaction with its changelog
 * entry, which carries the status after the change (the timeline).
 */
@Injectable()
export class MaintenanceService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly changeLog: ChangeLogService,
    @Inject(HushConfig) private readonly config: HushConfig,
  ) {}

  readonly byId = () => rowsById(this.dataSource, Maintenance);

  /** The maintenances that replace each one (normally one). */
  readonly replacedBy = () =>
    new DataLoader<string, Maintenance[]>(async (ids) =>
      groupByKeys(
        ids,
        await this.dataSource.getRepository(Maintenance).find({ where: { replacesId: In([...ids]) }, order: { createdAt: 'ASC' } }),
        (m) => m.replacesId!,
      ),
    );

  /** The maintenance, or null when there is none (e.g. deleted since). */
  find(id: string): Promise<Maintenance | null> {
    return this.dataSource.getRepository(Maintenance).findOneBy({ id });
  }

  async get(id: string): Promise<Maintenance> {
    const m = await this.find(id);
    if (!m) throw new NotFoundError('Maintenance', id, 'id');
    return m;
  }

  create(input: MaintenanceFields, actor: Actor): Promise<Maintenance> {
    return this.dataSource.transaction((manager) => this.insert(manager, input, actor));
  }

  /** Inserts in the caller's transaction; a `replacesId` makes the replaced one RE_SCHEDULED (see the subscriber). */
  async insert(
    manager: EntityManager,
    input: MaintenanceFields & {
      providerMaintenanceId?: string | null;
      noticeSequence?: number | null;
      originalTimeZoneName?: string | null;
    },
    actor: Actor,
  ): Promise<Maintenance> {
    const problems = [...this.rangeProblems(input.startsAt, input.endsAt), ...(await this.referenceProblems(manager, input))];
    if (input.status === MaintenanceStatus.RE_SCHEDULED)
      problems.push({ path: 'input.status', message: 'RE_SCHEDULED is set only when a replacement is created' });
    if (problems.length) throw new BadUserInputError(problems);
    setActor(manager, actor);
    const saved = await manager.save(manager.create(Maintenance, input));
    await this.changeLog.recordDiff(manager, MAINTENANCE, saved.id, { before: null, after: saved, actor });
    return saved;
  }

  /** Fields change freely; `status` only along the workflow. */
  update(id: string, input: Partial<MaintenanceFields>, actor: Actor): Promise<Maintenance> {
    return this.dataSource.transaction((manager) => this.change(manager, id, input, actor));
  }

  /** Applies an update in the caller's transaction; returns the maintenance as it now is. */
  async change(
    manager: EntityManager,
    id: string,
    input: Partial<MaintenanceFields> & { noticeSequence?: number | null; originalTimeZoneName?: string | null },
    actor: Actor,
  ): Promise<Maintenance> {
    const m = await this.locked(manager, id);
    const { status, ...fields } = definedOnly(input);
    const before = { ...m };
    Object.assign(m, fields);
    if (status) m.status = setStatus(before.status, status).to;
    // A maintenance kept where it was is not measured again: only a move is held to today's limit.
    const moved = fields.startsAt !== undefined || fields.endsAt !== undefined;
    const problems = moved ? this.rangeProblems(m.startsAt, m.endsAt) : [];
    if (problems.length) throw new BadUserInputError(problems);
    // Fields the changelog does not show (notice sequence, time zone name) are saved too.
    const saved = await manager.save(m);
    const action = saved.status === before.status ? 'UPDATE' : 'TRANSITION';
    await this.changeLog.recordDiff(manager, MAINTENANCE, id, { before, after: saved, actor, action });
    return saved;
  }

  delete(id: string, actor: Actor): Promise<Maintenance> {
    return this.dataSource.transaction(async (manager) => {
      const m = await this.locked(manager, id);
      await manager.delete(Maintenance, { id });
      await this.changeLog.recordDiff(manager, MAINTENANCE, id, { before: m, after: null, actor });
      return m;
    });
  }

  /** Idempotent: acknowledging an acknowledged maintenance records nothing. */
  acknowledge(id: string, actor: Actor): Promise<Maintenance> {
    return this.update(id, { acknowledged: true }, actor);
  }

  /**
   * A copy of every field but id, timestamps and the provider's notice id,
   * with the input's overrides, status TENTATIVE, not acknowledged (the new
   * window is news to the NOC) and `replaces` = the original, which the
   * insert turns RE_SCHEDULED. Impacts are copied too: the replacement
   * affects the same things unless edited.
   */
  reschedule(
    id: string,
    overrides: Partial<MaintenanceFields> & Pick<MaintenanceFields, 'startsAt' | 'endsAt'>,
    actor: Actor,
  ): Promise<Maintenance> {
    return this.dataSource.transaction(async (manager) => {
      const original = await this.locked(manager, id);
      const copy: MaintenanceFields = {
        ...pick(original, MAINTENANCE_FIELDS),
        ...definedOnly(overrides),
        status: MaintenanceStatus.TENTATIVE,
        acknowledged: false,
        replacesId: original.id,
      };
      // The provider's name for its zone goes with the zone, unless the copy is given another.
      const originalTimeZoneName = overrides.originalTimeZone ? null : original.originalTimeZoneName;
      const created = await this.insert(manager, { ...copy, originalTimeZoneName }, actor);
      const impacts = await manager.find(Impact, { where: { maintenanceId: original.id } });
      if (impacts.length)
        await manager.insert(
          Impact,
          impacts.map(({ targetType, targetId, level }) => ({ maintenanceId: created.id, targetType, targetId, level })),
        );
      return created;
    });
  }

  timeline(id: string, limit: number): Promise<ChangeLogEntry[]> {
    return this.changeLog.forObject(OBJECT_TYPE, id, limit);
  }

  async locked(manager: EntityManager, id: string): Promise<Maintenance> {
    const m = await lockOrNotFound(manager, Maintenance, id, 'Maintenance');
    return m;
  }

  /** A move of the workflow (markInProgress, cancel…): nothing is recorded when it leaves the status as it was. */
  transition(id: string, action: (from: MaintenanceStatus) => Transition, actor: Actor): Promise<Maintenance> {
    return this.dataSource.transaction(async (manager) => {
      const m = await this.locked(manager, id);
      const { to, changed } = action(m.status);
      if (!changed) return m;
      const before = { ...m };
      const saved = await manager.save(Object.assign(m, { status: to }));
      await this.changeLog.recordDiff(manager, MAINTENANCE, id, { before, after: saved, actor, action: 'TRANSITION' });
      return saved;
    });
  }

  private rangeProblems(startsAt: Date, endsAt: Date): FieldProblem[] {
    if (endsAt.getTime() < startsAt.getTime()) return [{ path: 'input.endsAt', message: 'must not be before startsAt' }];
    return windowLengthProblems(startsAt, endsAt, this.config.HUSH_MAX_WINDOW_DAYS);
  }

  private async referenceProblems(
    manager: EntityManager,
    input: Pick<MaintenanceFields, 'providerId' | 'replacesId'>,
  ): Promise<FieldProblem[]> {
    const problems: FieldProblem[] = [];
    if (!(await manager.existsBy(Provider, { id: input.providerId })))
      problems.push({ path: 'input.providerId', message: `no provider ${input.providerId}` });
    if (input.replacesId && !(await manager.existsBy(Maintenance, { id: input.replacesId }))) {
      problems.push({ path: 'input.replacesId', message: `no maintenance ${input.replacesId}` });
    }
    return problems;
  }
}

function pick<T extends object, K extends keyof T>(row: T, keys: readonly K[]): Pick<T, K> {
  return Object.fromEntries(keys.map((k) => [k, row[k]])) as Pick<T, K>;
}
