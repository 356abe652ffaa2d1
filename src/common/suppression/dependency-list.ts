import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import DataLoader from 'dataloader';
import { DataSource, type EntityManager } from 'typeorm';
import { BadUserInputError } from '../errors/domain-error';
import { TargetRegistry } from '../targets/target-registry';
import { DependencyRegistry, type DependencyProvider } from './dependency.registry';
import type { DependencyRecord, NodeRef } from './suppression.model';

/** A table of one kind of object's dependency list (what a monitor watches, what a service depends on). */
export interface DependencyTable {
  /** The node type of the owners: MONITOR, SERVICE. */
  type: string;
  /** The change log's object type of the owners: their changes touch their lists. */
  objectType: string;
  table: string;
  ownerColumn: string;
  /** What the list may name, as said in a refusal: e.g. "a monitor can watch". */
  verb: string;
  allowed: readonly string[];
}

/** A list in the order `load` gives it (by type, then id), for change records. */
export const inListOrder = (list: readonly NodeRef[]): NodeRef[] =>
  [...list].sort((a, b) => (a.type === b.type ? (a.id < b.id ? -1 : 1) : a.type < b.type ? -1 : 1));

/**
 * Dependency lists kept in a table of (owner, target_type, target_id) rows:
 * checked, written in the owner's transaction, and handed to the engine as
 * a DependencyProvider. Monitors and services both keep theirs this way.
 */
@Injectable()
export class DependencyLists {
  private readonly tables = new Map<string, DependencyTable>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly targets: TargetRegistry,
    private readonly registry: DependencyRegistry,
  ) {}

  /** Registers the table's lists with the engine. */
  register(t: DependencyTable): void {
    this.tables.set(t.type, t);
    const provider: DependencyProvider = {
      type: t.type,
      load: (db, ids) => this.load(db, t, ids),
      touched: (change) => (change.objectType === t.objectType ? [change.objectId] : []),
    };
    this.registry.register(provider);
  }

  /** Per request: the list of each owner of one type (the param). */
  readonly listOf = (type?: string) =>
    new DataLoader<string, NodeRef[]>(async (ids) => {
      const found = new Map((await this.load(this.dataSource.manager, this.tables.get(type!)!, ids)).map((r) => [r.node.id, r.upstream]));
      return ids.map((id) => found.get(id) ?? []);
    });

  /** The lists of these owners (every one when omitted), targets in a fixed order. */
  async load(db: EntityManager, t: DependencyTable, ids?: readonly string[]): Promise<DependencyRecord[]> {
    const rows = await db.query<{ owner: string; upstream: NodeRef[] }[]>(
      `SELECT ${t.ownerColumn} AS owner,
         json_agg(json_build_object('type', target_type, 'id', target_id) ORDER BY target_type, target_id) AS upstream
       FROM ${t.table} ${ids ? `WHERE ${t.ownerColumn} = ANY($1::uuid[])` : ''} GROUP BY ${t.ownerColumn}`,
      ids ? [ids] : [],
    );
    return rows.map((r) => ({ node: { type: t.type, id: r.owner }, upstream: r.upstream }));
  }

  /** One owner's list, read through `db`. */
  async current(db: EntityManager, t: DependencyTable, ownerId: string): Promise<NodeRef[]> {
    return (await this.load(db, t, [ownerId]))[0]?.upstream ?? [];
  }

  /**
   * Before the write's transaction (names are read through other modules'
   * connections): refuses a target of a kind the list may not name, one that
   * does not exist, and a list that would close a cycle, naming it. Returns
   * the list without repeats.
   */
  async check(t: DependencyTable, ownerId: string | null, list: readonly NodeRef[], path: string): Promise<NodeRef[]> {
    for (const [i, { type }] of list.entries()) {
      if (!t.allowed.includes(type)) throw BadUserInputError.field(`${path}.${i}.type`, `${t.verb} ${t.allowed.join(', ')}, not ${type}`);
    }
    const missing = await this.targets.firstMissing(list);
    if (missing >= 0) {
      const { type, id } = list[missing];
      throw BadUserInputError.field(`${path}.${missing}.id`, `no ${type.toLowerCase()} ${id}`);
    }
    const targets = [...new Map(list.map(({ type, id }) => [`${type}:${id}`, { type, id }])).values()];
    if (ownerId) await this.refuseCycle(this.dataSource.manager, t, ownerId, targets, path, true);
    return targets;
  }

  /** In the owner's transaction: replaces its list, refusing (again, now under the lock) one that closes a cycle. */
  async save(db: EntityManager, t: DependencyTable, ownerId: string, targets: readonly NodeRef[], path: string): Promise<void> {
    await this.registry.lock(db);
    await this.refuseCycle(db, t, ownerId, targets, path, false);
    await db.query(`DELETE FROM ${t.table} WHERE ${t.ownerColumn} = $1`, [ownerId]);
    if (targets.length === 0) return;
    await db.query(`INSERT INTO ${t.table} (${t.ownerColumn}, target_type, target_id) SELECT $1, * FROM unnest($2::text[], $3::uuid[])`, [
      ownerId,
      targets.map((n) => n.type),
      targets.map((n) => n.id),
    ]);
  }

  /** `named`: only outside a transaction may names be read (through other connections); inside, the ids say it. */
  private async refuseCycle(
    db: EntityManager,
    t: DependencyTable,
    ownerId: string,
    targets: readonly NodeRef[],
    path: string,
    named: boolean,
  ) {
    const cycle = await this.registry.cycle(db, { type: t.type, id: ownerId }, targets);
    if (!cycle) return;
    const label = async (n: NodeRef) => (named ? ((await this.targets.names(n.type, [n.id])).get(n.id) ?? n.id) : n.id);
    const shown = await Promise.all(cycle.map(async (n) => `${n.type.toLowerCase()} ${await label(n)}`));
    throw BadUserInputError.field(path, `would make a dependency cycle: ${shown.join(' → ')}`);
  }
}
