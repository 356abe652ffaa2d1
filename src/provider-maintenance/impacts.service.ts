import { namesById } from '../common/loaders/rows-by-id';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import DataLoader from 'dataloader';
import { DataSource, In, type EntityManager, type EntityTarget, type FindOptionsOrder, type FindOptionsWhere } from 'typeorm';
import type { Actor } from '../common/auth/actor';
import { ChangeLogService } from '../common/changelog/changelog.service';
import { BadUserInputError, ConflictError, NotFoundError } from '../common/errors/domain-error';
import { uniqueAs } from '../common/errors/pg-errors';
import { groupByKeys } from '../common/loaders/loader-registry';
import type { Reached } from '../common/suppression/suppression.model';
import { SuppressionPort } from '../common/suppression/suppression.port';
import { TargetRegistry } from '../common/targets/target-registry';
import { Circuit, Location, Region, Site } from './entities/inventory.entities';
import { ImpactTargetKind } from '../common/targets/impact-target.type';
import { Impact } from './entities/maintenance.entity';
import { EventNotification, type NotificationFormat } from './entities/notification.entity';
import { ImpactsFrozenError } from './maintenance.errors';
import { MaintenanceService, OBJECT_TYPE } from './maintenance.service';
import { ImpactLevel } from './maintenance-status';
import { OUTAGE_OBJECT_TYPE, OutageService } from './outages/outage.service';
import { impactsFrozen } from './workflow/maintenance-workflow';
import { outageImpactsFrozen } from './workflow/outage-workflow';

/** Whose impacts: a maintenance's or an outage's (the column that names it). */
export type ImpactOwner = { maintenanceId: string } | { outageId: string };

/** The owner, locked for the write, with what the write needs to know of it. */
interface LockedOwner {
  objectType: typeof OBJECT_TYPE | typeof OUTAGE_OBJECT_TYPE;
  id: string;
  status: string;
  frozen: boolean;
}

/** What a maintenance or an outage affects: circuits, sites, locations here; services and monitors through the target registry. */
@Injectable()
export class ImpactsService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly maintenances: MaintenanceService,
    private readonly outages: OutageService,
    private readonly changeLog: ChangeLogService,
    private readonly targets: TargetRegistry,
    private readonly suppression: SuppressionPort,
  ) {}

  onModuleInit() {
    const named = (entity: typeof Site | typeof Location | typeof Region) => ({
      names: (ids: readonly string[]) => namesById<Site | Location | Region>(this.dataSource, entity, ids, (r) => r.name),
    });
    this.targets.register(ImpactTargetKind.SITE, named(Site));
    this.targets.register(ImpactTargetKind.LOCATION, named(Location));
    this.targets.register(ImpactTargetKind.REGION, named(Region));
    this.targets.register(ImpactTargetKind.CIRCUIT, {
      names: (ids) => namesById(this.dataSource, Circuit, ids, (c) => c.cid),
    });
  }

  /** The impacts of maintenances or outages, by the owner column (the param: `maintenanceId` or `outageId`). */
  readonly of = (owner?: string) => this.byOwner(Impact, owner, { targetType: 'ASC', targetId: 'ASC' });

  /** The notifications of maintenances or outages, by the owner column (the param), as received. */
  readonly notificationsOf = (owner?: string) => this.byOwner(EventNotification, owner, { receivedAt: 'ASC', id: 'ASC' });

  private byOwner<T extends Impact | EventNotification>(entity: EntityTarget<T>, owner: string | undefined, order: FindOptionsOrder<T>) {
    const column = owner as 'maintenanceId' | 'outageId';
    return new DataLoader<string, T[]>(async (ids) =>
      groupByKeys(
        ids,
        await this.dataSource.getRepository(entity).find({ where: { [column]: In([...ids]) } as FindOptionsWhere<T>, order }),
        (row) => row[column]!,
      ),
    );
  }

  /** A provider's message about a maintenance or an outage, kept as received and put on its timeline (frozen or not: news comes late). */
  attachNotification(
    owner: ImpactOwner,
    input: { subject: string; sender: string; receivedAt: Date; body: string; format: NotificationFormat },
    actor: Actor,
    manager?: EntityManager,
  ): Promise<EventNotification> {
    const work = async (m: EntityManager) => {
      const o = await this.lock(m, owner);
      const saved = await m.save(m.create(EventNotification, { ...input, ...owner }));
      await this.changeLog.record(m, {
        objectType: o.objectType,
        objectId: o.id,
        action: 'UPDATE',
        actor,
        changes: { notification: { before: null, after: { id: saved.id, subject: saved.subject } } },
        status: o.status,
      });
      return saved;
    };
    return manager ? work(manager) : this.dataSource.transaction(work);
  }

  /** Everything the impacts above NO_IMPACT of a maintenance or outage reach, whatever its status: what it would quiet. */
  async reached(owner: ImpactOwner): Promise<(Reached & { level: ImpactLevel })[]> {
    if ('outageId' in owner) await this.outages.get(owner.outageId);
    else await this.maintenances.get(owner.maintenanceId);
    const impacts = (
      await this.dataSource.getRepository(Impact).find({ where: owner, order: { targetType: 'ASC', targetId: 'ASC' } })
    ).filter((i) => i.level !== ImpactLevel.NO_IMPACT);
    const levels = new Map(impacts.map((i) => [`${i.targetType}:${i.targetId}`, i.level]));
    return this.suppression.reach(impacts.map((i) => ({ type: i.targetType, id: i.targetId }))).map((r) => {
      const from = r.via[0] ?? r.target;
      return { ...r, level: levels.get(`${from.type}:${from.id}`)! };
    });
  }

  async add(
    owner: ImpactOwner,
    input: { target: { type: ImpactTargetKind; id: string }; level: ImpactLevel },
    actor: Actor,
  ): Promise<Impact> {
    const { type, id } = input.target;
    // Checked before the transaction: the registry reads through other modules' own connections.
    if (!(await this.targets.names(type, [id])).has(id)) throw BadUserInputError.field('input.target.id', `no ${type.toLowerCase()} ${id}`);
    return this.write(owner, actor, async (manager) => {
      const impact = await manager.save(manager.create(Impact, { ...owner, targetType: type, targetId: id, level: input.level }));
      return { impact, change: { before: null, after: describe(impact) } };
    });
  }

  update(impactId: string, input: { level: ImpactLevel }, actor: Actor): Promise<Impact> {
    return this.onImpact(impactId, actor, async (manager, impact) => {
      const before = describe(impact);
      impact.level = input.level;
      return { impact: await manager.save(impact), change: { before, after: describe(impact) } };
    });
  }

  remove(impactId: string, actor: Actor): Promise<Impact> {
    return this.onImpact(impactId, actor, async (manager, impact) => {
      await manager.delete(Impact, { id: impact.id });
      return { impact, change: { before: describe(impact), after: null } };
    });
  }

  private async onImpact(impactId: string, actor: Actor, work: (manager: EntityManager, impact: Impact) => Promise<ImpactChange>) {
    const found = await this.dataSource.getRepository(Impact).findOneBy({ id: impactId });
    if (!found) throw new NotFoundError('Impact', impactId, 'id');
    const owner: ImpactOwner = found.maintenanceId ? { maintenanceId: found.maintenanceId } : { outageId: found.outageId! };
    return this.write(owner, actor, async (manager) => {
      const impact = await manager.findOneBy(Impact, { id: impactId });
      if (!impact) throw new NotFoundError('Impact', impactId, 'id');
      return work(manager, impact);
    });
  }

  /** Locks the owner, refuses when its impacts are frozen, and records the change on the owner's timeline. */
  private async write(owner: ImpactOwner, actor: Actor, work: (manager: EntityManager) => Promise<ImpactChange>): Promise<Impact> {
    const onOutage = 'outageId' in owner;
    return uniqueAs(
      () =>
        this.dataSource.transaction(async (manager) => {
          const o = await this.lock(manager, owner);
          if (o.frozen) throw new ImpactsFrozenError(o.objectType, o.id, o.status);
          const { impact, change } = await work(manager);
          await this.changeLog.record(manager, {
            objectType: o.objectType,
            objectId: o.id,
            action: 'UPDATE',
            actor,
            changes: { impact: change },
            status: o.status,
          });
          return impact;
        }),
      onOutage ? 'UQ_outage_impact_target' : 'UQ_maintenance_impact_target',
      () =>
        new ConflictError(`The ${onOutage ? 'outage' : 'maintenance'} already has an impact on that target: update its level instead`, {
          path: 'input.target',
        }),
    );
  }

  private async lock(manager: EntityManager, owner: ImpactOwner): Promise<LockedOwner> {
    if ('outageId' in owner) {
      const o = await this.outages.locked(manager, owner.outageId);
      return { objectType: OUTAGE_OBJECT_TYPE, id: o.id, status: o.status, frozen: outageImpactsFrozen(o.status) };
    }
    const m = await this.maintenances.locked(manager, owner.maintenanceId);
    return { objectType: OBJECT_TYPE, id: m.id, status: m.status, frozen: impactsFrozen(m.status) };
  }
}

function describe(i: Impact) {
  return { id: i.id, type: i.targetType, target: i.targetId, level: i.level };
}

interface ImpactChange {
  impact: Impact;
  change: { before: unknown; after: unknown };
}
