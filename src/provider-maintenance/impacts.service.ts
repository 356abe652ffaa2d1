import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import DataLoader from 'dataloader';
import { DataSource, In, type EntityManager } from 'typeorm';
import type { Actor } from '../common/auth/actor';
import { ChangeLogService } from '../common/changelog/changelog.service';
import { BadUserInputError, ConflictError, NotFoundError } from '../common/errors/domain-error';
import { uniqueAs } from '../common/errors/pg-errors';
import { groupByKeys } from '../common/loaders/loader-registry';
import { TargetRegistry } from '../common/targets/target-registry';
import { Circuit, Location, Site } from './entities/inventory.entities';
import { Impact, ImpactTargetKind, type Maintenance } from './entities/maintenance.entity';
import { ImpactsFrozenError } from './maintenance.errors';
import { MaintenanceService, OBJECT_TYPE } from './maintenance.service';
import type { ImpactLevel } from './maintenance-status';
import { impactsFrozen } from './workflow/maintenance-workflow';

/** What a maintenance affects: circuits, sites, locations here; services and monitors through the target registry. */
@Injectable()
export class ImpactsService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly maintenances: MaintenanceService,
    private readonly changeLog: ChangeLogService,
    private readonly targets: TargetRegistry,
  ) {}

  onModuleInit() {
    const named = (entity: typeof Site | typeof Location) => ({
      names: async (ids: readonly string[]) =>
        new Map((await this.dataSource.getRepository(entity).findBy({ id: In([...ids]) })).map((r) => [r.id, r.name])),
    });
    this.targets.register(ImpactTargetKind.SITE, named(Site));
    this.targets.register(ImpactTargetKind.LOCATION, named(Location));
    this.targets.register(ImpactTargetKind.CIRCUIT, {
      names: async (ids) => new Map((await this.dataSource.getRepository(Circuit).findBy({ id: In([...ids]) })).map((c) => [c.id, c.cid])),
    });
  }

  readonly ofMaintenance = () =>
    new DataLoader<string, Impact[]>(async (ids) =>
      groupByKeys(
        ids,
        await this.dataSource
          .getRepository(Impact)
          .find({ where: { maintenanceId: In([...ids]) }, order: { targetType: 'ASC', targetId: 'ASC' } }),
        (i) => i.maintenanceId,
      ),
    );

  /** Display names of targets, one loader per kind (the param). */
  readonly targetNames = (kind?: string) =>
    new DataLoader<string, string | null>(async (ids) => {
      const names = await this.targets.names(kind!, ids);
      return ids.map((id) => names.get(id) ?? null);
    });

  async add(
    maintenanceId: string,
    input: { target: { type: ImpactTargetKind; id: string }; level: ImpactLevel },
    actor: Actor,
  ): Promise<Impact> {
    const { type, id } = input.target;
    // Checked before the transaction: the registry reads through other modules' own connections.
    if (!(await this.targets.names(type, [id])).has(id)) throw BadUserInputError.field('input.target.id', `no ${type.toLowerCase()} ${id}`);
    return this.write(maintenanceId, actor, async (manager) => {
      const impact = await manager.save(manager.create(Impact, { maintenanceId, targetType: type, targetId: id, level: input.level }));
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
    return this.write(found.maintenanceId, actor, async (manager) => {
      const impact = await manager.findOneBy(Impact, { id: impactId });
      if (!impact) throw new NotFoundError('Impact', impactId, 'id');
      return work(manager, impact);
    });
  }

  /** Locks the maintenance, refuses when its impacts are frozen, and records the change on the maintenance's timeline. */
  private write(
    maintenanceId: string,
    actor: Actor,
    work: (manager: EntityManager, m: Maintenance) => Promise<ImpactChange>,
  ): Promise<Impact> {
    return uniqueAs(
      () =>
        this.dataSource.transaction(async (manager) => {
          const m = await this.maintenances.locked(manager, maintenanceId);
          if (impactsFrozen(m.status)) throw new ImpactsFrozenError(m.id, m.status);
          const { impact, change } = await work(manager, m);
          await this.changeLog.record(manager, {
            objectType: OBJECT_TYPE,
            objectId: m.id,
            action: 'UPDATE',
            actor,
            changes: { impact: change },
            status: m.status,
          });
          return impact;
        }),
      'UQ_maintenance_impact_target',
      () => new ConflictError('The maintenance already has an impact on that target: update its level instead', { path: 'input.target' }),
    );
  }
}

function describe(i: Impact) {
  return { id: i.id, type: i.targetType, target: i.targetId, level: i.level };
}

interface ImpactChange {
  impact: Impact;
  change: { before: unknown; after: unknown };
}
