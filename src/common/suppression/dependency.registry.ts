import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Registry } from '../registry';
import { dependencyCycle } from './dependency-cycle';
import type { ChangeRef, DependencyRecord, NodeRef } from './suppression.model';

/** The advisory lock writes of dependencies take ("hush" in ASCII). */
const DEPENDENCY_LOCK = 0x6875_7368;

/** How a module tells the engine what its objects of one type are affected by (a site: its region; a monitor: what it watches). */
export interface DependencyProvider {
  /** The node type it owns: REGION, SITE, LOCATION, CIRCUIT, MONITOR, SERVICE. */
  readonly type: string;
  /** What each of these ids (every one when omitted) is affected by; an id left out is affected by nothing. */
  load(db: EntityManager, ids?: readonly string[]): Promise<DependencyRecord[]>;
  /** The ids of its nodes a committed change may have touched. */
  touched(change: ChangeRef): readonly string[];
}

/** Modules register what their objects depend on, so the engine follows impacts through containment, watches and dependencies. */
@Injectable()
export class DependencyRegistry extends Registry<DependencyProvider> {
  constructor() {
    super('the dependencies of', (provider) => provider.type);
  }

  /** Holds the lock every write of dependencies takes until its transaction ends, so two writes cannot close a cycle between them. */
  async lock(db: EntityManager): Promise<void> {
    await db.query('SELECT pg_advisory_xact_lock($1)', [DEPENDENCY_LOCK]);
  }

  /** The cycle that making `node` affected by `upstream` would close (see dependencyCycle), read through `db`. */
  cycle(db: EntityManager, node: NodeRef, upstream: readonly NodeRef[]): Promise<NodeRef[] | null> {
    return dependencyCycle((nodes) => this.upstreamOf(db, nodes), node, upstream);
  }

  private async upstreamOf(db: EntityManager, nodes: readonly NodeRef[]): Promise<Map<string, readonly NodeRef[]>> {
    const found = new Map<string, readonly NodeRef[]>();
    for (const type of new Set(nodes.map((n) => n.type))) {
      const ids = nodes.filter((n) => n.type === type).map((n) => n.id);
      for (const r of (await this.find(type)?.load(db, ids)) ?? []) found.set(`${r.node.type}:${r.node.id}`, r.upstream);
    }
    return found;
  }
}
