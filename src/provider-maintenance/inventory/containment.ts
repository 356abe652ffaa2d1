import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DependencyRegistry } from '../../common/suppression/dependency.registry';
import type { DependencyRecord } from '../../common/suppression/suppression.model';
import { ImpactTargetKind } from '../../common/targets/impact-target.type';

/** An inventory kind and the columns naming what contains it: an impact on a container covers what it contains. */
interface Contained {
  type: ImpactTargetKind;
  objectType: string;
  table: string;
  containers: readonly (readonly [column: string, type: ImpactTargetKind])[];
}

/** The kind's object type (`Region`) and table (`region`) are its name, capitalised and in lower case. */
function contained(type: ImpactTargetKind, containers: Contained['containers']): Contained {
  const table = type.toLowerCase();
  return { type, objectType: table[0].toUpperCase() + table.slice(1), table, containers };
}

/** A region covers its sub-regions and sites; a site its locations and the circuits ending there; a location its sub-locations and circuits. */
const CONTAINMENT: readonly Contained[] = [
  contained(ImpactTargetKind.REGION, [['parent_id', ImpactTargetKind.REGION]]),
  contained(ImpactTargetKind.SITE, [['region_id', ImpactTargetKind.REGION]]),
  contained(ImpactTargetKind.LOCATION, [
    ['site_id', ImpactTargetKind.SITE],
    ['parent_id', ImpactTargetKind.LOCATION],
  ]),
  contained(ImpactTargetKind.CIRCUIT, [
    ['site_id', ImpactTargetKind.SITE],
    ['location_id', ImpactTargetKind.LOCATION],
  ]),
];

/** Hands the engine what contains each region, site, location and circuit. */
@Injectable()
export class ContainmentDependencies implements OnModuleInit {
  constructor(private readonly registry: DependencyRegistry) {}

  onModuleInit() {
    for (const kind of CONTAINMENT) {
      this.registry.register({
        type: kind.type,
        load: (db, ids) => load(db, kind, ids),
        touched: (change) => (change.objectType === kind.objectType ? [change.objectId] : []),
      });
    }
  }
}

async function load(db: EntityManager, kind: Contained, ids?: readonly string[]): Promise<DependencyRecord[]> {
  const columns = kind.containers.map(([column]) => column);
  const rows = await db.query<Record<string, string | null>[]>(
    `SELECT id, ${columns.join(', ')} FROM ${kind.table}
     WHERE (${columns.map((c) => `${c} IS NOT NULL`).join(' OR ')}) ${ids ? 'AND id = ANY($1::uuid[])' : ''} ORDER BY id`,
    ids ? [ids] : [],
  );
  return rows.map((row) => ({
    node: { type: kind.type, id: row.id! },
    upstream: kind.containers.filter(([column]) => row[column]).map(([column, type]) => ({ type, id: row[column]! })),
  }));
}
