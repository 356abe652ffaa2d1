import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import DataLoader from 'dataloader';
import { DataSource, In, type DeepPartial, type EntityManager, type FindOperator, type FindOptionsWhere } from 'typeorm';
import type { Actor } from '../../common/auth/actor';
import { ChangeLogService } from '../../common/changelog/changelog.service';
import { BadUserInputError, ConflictError, NotFoundError } from '../../common/errors/domain-error';
import { uniqueAs } from '../../common/errors/pg-errors';
import { definedOnly } from '../../common/graphql/defined-only';
import { byKeys } from '../../common/loaders/loader-registry';
import type { Connection } from '../../common/pagination/connection';
import { keysetPage } from '../../common/pagination/keyset';
import type { PageArgs } from '../../common/pagination/page-args';
import type { InventoryKind, InventoryRow as Row } from './inventory-kind';

/** A where clause on the id column, which every inventory kind has (InventoryRow). */
function whereId<E extends Row>(id: string | FindOperator<string>): FindOptionsWhere<E> {
  return { id } as FindOptionsWhere<E>;
}

/** Create, update, delete, list and load any inventory kind, each write in one transaction with its changelog entry. */
@Injectable()
export class InventoryService {
  private readonly loaderFactories = new Map<InventoryKind<Row>, () => DataLoader<string, Row | null>>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly changeLog: ChangeLogService,
  ) {}

  /** The per-request loader factory of a kind (stable, so the request's registry can key on it). */
  byId<E extends Row>(kind: InventoryKind<E>): () => DataLoader<string, E | null> {
    let factory = this.loaderFactories.get(kind);
    if (!factory) {
      const repo = () => this.dataSource.getRepository(kind.entity);
      factory = () =>
        new DataLoader<string, Row | null>(async (ids) => byKeys(ids, await repo().findBy(whereId<E>(In([...ids]))), (r) => r.id, null));
      this.loaderFactories.set(kind, factory);
    }
    return factory as () => DataLoader<string, E | null>;
  }

  async get<E extends Row>(kind: InventoryKind<E>, id: string): Promise<E> {
    const row = await this.dataSource.getRepository(kind.entity).findOneBy(whereId<E>(id));
    if (!row) throw new NotFoundError(kind.objectType, id, 'id');
    return row;
  }

  list<E extends Row>(kind: InventoryKind<E>, page: PageArgs): Promise<Connection<E>> {
    return keysetPage(this.dataSource.getRepository(kind.entity).createQueryBuilder('o'), page, {
      column: kind.sort.column,
      idColumn: 'o.id',
      cast: 'text',
      valueOf: (r) => kind.sort.valueOf(r),
      idOf: (r) => r.id,
    });
  }

  create<E extends Row>(kind: InventoryKind<E>, input: Partial<E>, actor: Actor): Promise<E> {
    return this.write(kind, input, async (manager) => {
      const row = manager.create(kind.entity, input as DeepPartial<E>);
      await this.check(kind, manager, row);
      const saved = await manager.save(kind.entity, row);
      await this.changeLog.recordDiff(manager, kind, saved.id, { before: null, after: saved, actor });
      return saved;
    });
  }

  update<E extends Row>(kind: InventoryKind<E>, id: string, input: Partial<E>, actor: Actor): Promise<E> {
    return this.write(kind, input, async (manager) => {
      const row = await this.locked(kind, manager, id);
      const before = { ...row };
      Object.assign(row, definedOnly(input));
      await this.check(kind, manager, row);
      const saved = await manager.save(kind.entity, row);
      await this.changeLog.recordDiff(manager, kind, id, { before, after: saved, actor });
      return saved;
    });
  }

  delete<E extends Row>(kind: InventoryKind<E>, id: string, actor: Actor): Promise<E> {
    return this.dataSource.transaction(async (manager) => {
      const row = await this.locked(kind, manager, id);
      const holders = await kind.holders(manager, id);
      if (holders.length) {
        throw new ConflictError(`${kind.objectType} ${id} is still used by ${holders.map((h) => `${h.type} ${h.name}`).join(', ')}`, {
          heldBy: holders,
        });
      }
      await manager.delete(kind.entity, whereId<E>(id));
      await this.changeLog.recordDiff(manager, kind, id, { before: row, after: null, actor });
      return row;
    });
  }

  private async locked<E extends Row>(kind: InventoryKind<E>, manager: EntityManager, id: string): Promise<E> {
    const row = await manager.findOne(kind.entity, { where: whereId<E>(id), lock: { mode: 'pessimistic_write' } });
    if (!row) throw new NotFoundError(kind.objectType, id, 'id');
    return row;
  }

  private async check<E extends Row>(kind: InventoryKind<E>, manager: EntityManager, row: E) {
    const problems = await kind.check(manager, row);
    if (problems.length) throw new BadUserInputError(problems);
  }

  private write<E extends Row, T>(kind: InventoryKind<E>, input: Partial<E>, work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const unique = kind.unique;
    const run = () => this.dataSource.transaction(work);
    if (!unique) return run();
    return uniqueAs(run, unique.constraint, () => new ConflictError(unique.message(input as E), { path: unique.path }));
  }
}
