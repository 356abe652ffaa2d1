import { namesById, rowsById } from '../common/loaders/rows-by-id';
import { findOrNotFound, lockOrNotFound } from '../common/errors/lock-or-not-found';
import { containsPattern } from '../common/search/contains-pattern';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../common/auth/actor';
import { ChangeLogService, type AuditedKind } from '../common/changelog/changelog.service';
import { BadUserInputError, ConflictError } from '../common/errors/domain-error';
import { uniqueAs } from '../common/errors/pg-errors';
import { definedOnly } from '../common/graphql/defined-only';
import type { Connection } from '../common/pagination/connection';
import { byNameOrder, keysetPage } from '../common/pagination/keyset';
import type { PageArgs } from '../common/pagination/page-args';
import { Clock } from '../common/clock/clock';
import { SuppressionPort } from '../common/suppression/suppression.port';
import { DependencyLists, inListOrder } from '../common/suppression/dependency-list';
import type { NodeRef } from '../common/suppression/suppression.model';
import { TargetRegistry } from '../common/targets/target-registry';
import { EscalationPolicy } from './entities/escalation-policy.entity';
import { MaintenanceWindow, MaintenanceWindowService } from './entities/maintenance-window.entity';
import { MaintenanceEndAction, Service, ServiceStatus } from './entities/service.entity';
import { DEPENDS_ON } from './service-dependencies';

export interface ServiceInput {
  name: string;
  description: string;
  escalationPolicyId: string;
  onMaintenanceEnd?: MaintenanceEndAction;
  status: ServiceStatus;
  dependsOn?: NodeRef[];
}

const SERVICE: AuditedKind<Service & { dependsOn: unknown }> = {
  objectType: 'Service',
  fields: ['name', 'description', 'escalationPolicyId', 'status', 'onMaintenanceEnd', 'dependsOn'],
  status: (s) => s.status,
};

/** Services: what events are routed to and maintenance windows are put on. */
@Injectable()
export class ServiceCatalog implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly changeLog: ChangeLogService,
    private readonly clock: Clock,
    private readonly targets: TargetRegistry,
    private readonly suppression: SuppressionPort,
    private readonly lists: DependencyLists,
  ) {}

  /** Other modules (provider impacts, monitors' watches) may point at services; impacts reach a service through what it depends on. */
  onModuleInit() {
    this.lists.register(DEPENDS_ON);
    this.targets.register('SERVICE', {
      names: (ids) => namesById(this.dataSource, Service, ids, (s) => s.name),
    });
  }

  readonly byId = () => rowsById(this.dataSource, Service);

  get(id: string): Promise<Service> {
    return findOrNotFound(this.dataSource, Service, id, 'Service');
  }

  findByIntegrationKey(key: string): Promise<Service | null> {
    return this.dataSource.getRepository(Service).findOneBy({ integrationKey: key });
  }

  list(filter: { query?: string; inMaintenance?: boolean }, page: PageArgs): Promise<Connection<Service>> {
    const query = this.dataSource.getRepository(Service).createQueryBuilder('s');
    if (filter.query) {
      const like = containsPattern(filter.query);
      query.andWhere('(s.name ILIKE :like OR s.description ILIKE :like)', { like });
    }
    if (filter.inMaintenance !== undefined && filter.inMaintenance !== null) {
      const suppressed = [...this.suppression.suppressedIds('SERVICE', this.clock.now())];
      query.andWhere(`${filter.inMaintenance ? '' : 'NOT '}(s.id = ANY(CAST(:suppressed AS uuid[])))`, { suppressed });
    }
    return keysetPage(query, page, byNameOrder('s'));
  }

  async create(input: ServiceInput, actor: Actor): Promise<Service> {
    const dependsOn = await this.lists.check(DEPENDS_ON, null, input.dependsOn ?? [], 'input.dependsOn');
    return this.write(input.name, async (manager) => {
      await this.requirePolicy(manager, input.escalationPolicyId);
      const { dependsOn: _, ...fields } = input;
      const service = await manager.save(manager.create(Service, { ...fields, integrationKey: randomBytes(16).toString('hex') }));
      await this.lists.save(manager, DEPENDS_ON, service.id, dependsOn, 'input.dependsOn');
      const after = { ...service, dependsOn: inListOrder(dependsOn) };
      await this.changeLog.recordDiff(manager, SERVICE, service.id, { before: null, after, actor });
      return service;
    });
  }

  async update(id: string, input: Partial<ServiceInput>, actor: Actor): Promise<Service> {
    const dependsOn = input.dependsOn && (await this.lists.check(DEPENDS_ON, id, input.dependsOn, 'input.dependsOn'));
    return this.write(input.name, async (manager) => {
      const service = await lockOrNotFound(manager, Service, id, 'Service');
      if (input.escalationPolicyId) await this.requirePolicy(manager, input.escalationPolicyId);
      const before = { ...service, dependsOn: await this.lists.current(manager, DEPENDS_ON, id) };
      const { dependsOn: _, ...fields } = definedOnly(input);
      Object.assign(service, fields);
      if (dependsOn) await this.lists.save(manager, DEPENDS_ON, id, dependsOn, 'input.dependsOn');
      const saved = await manager.save(service);
      const after = { ...saved, dependsOn: dependsOn ? inListOrder(dependsOn) : before.dependsOn };
      await this.changeLog.recordDiff(manager, SERVICE, id, { before, after, actor });
      return saved;
    });
  }

  /**
   * Refused while an ongoing or future window covers the service (the error
   * names them). Its past windows lose the service, and those left with no
   * service go with it; its incidents and events go too.
   */
  delete(id: string, actor: Actor): Promise<Service> {
    return this.dataSource.transaction(async (manager) => {
      const service = await lockOrNotFound(manager, Service, id, 'Service');
      const dependsOn = await this.lists.current(manager, DEPENDS_ON, id);
      const holders = await manager
        .createQueryBuilder(MaintenanceWindow, 'w')
        .innerJoin(MaintenanceWindowService, 'ws', 'ws.window_id = w.id')
        .where('ws.service_id = :id', { id })
        .andWhere('w.ends_at > :now', { now: this.clock.now() })
        .orderBy('w.starts_at')
        .getMany();
      if (holders.length) {
        throw new ConflictError(
          `Service ${service.name} has ongoing or future maintenance windows: ${holders.map((w) => w.id).join(', ')}`,
          {
            heldBy: holders.map((w) => ({ type: 'MaintenanceWindow', id: w.id, name: w.description })),
          },
        );
      }
      const pastWindowIds = (await manager.find(MaintenanceWindowService, { where: { serviceId: id } })).map((ws) => ws.windowId);
      await manager.delete(Service, { id });
      if (pastWindowIds.length) {
        await manager
          .createQueryBuilder()
          .delete()
          .from(MaintenanceWindow)
          .where('id IN (:...ids)', { ids: pastWindowIds })
          .andWhere('NOT EXISTS (SELECT 1 FROM maintenance_window_service ws WHERE ws.window_id = maintenance_window.id)')
          .execute();
      }
      await this.changeLog.recordDiff(manager, SERVICE, id, { before: { ...service, dependsOn }, after: null, actor });
      return service;
    });
  }

  private async requirePolicy(manager: EntityManager, id: string) {
    if (!(await manager.existsBy(EscalationPolicy, { id })))
      throw BadUserInputError.field('input.escalationPolicyId', `no escalation policy ${id}`);
  }

  private write<T>(name: string | undefined, work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return uniqueAs(
      () => this.dataSource.transaction(work),
      'UQ_service_name',
      () => new ConflictError(`A service named ${name} already exists`, { path: 'input.name' }),
    );
  }
}
