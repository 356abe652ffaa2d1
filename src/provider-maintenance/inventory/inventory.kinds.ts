import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { FieldProblem } from '../../common/errors/domain-error';
import { Circuit, Location, Provider, Region, Site } from '../entities/inventory.entities';
import { ImpactTargetKind } from '../../common/targets/impact-target.type';
import { Impact, Maintenance } from '../entities/maintenance.entity';
import type { Holder, InventoryKind } from './inventory-kind';

async function missing(
  manager: EntityManager,
  entity: EntityTarget<ObjectLiteral>,
  id: string | null | undefined,
  path: string,
  label: string,
): Promise<FieldProblem[]> {
  if (!id) return [];
  return (await manager.existsBy(entity, { id })) ? [] : [{ path, message: `no ${label} ${id}` }];
}

/** The tables whose rows can point at an inventory object, each with the column that names a row in a CONFLICT. */
const POINTING = {
  Region: { entity: Region, label: 'name' },
  Site: { entity: Site, label: 'name' },
  Location: { entity: Location, label: 'name' },
  Circuit: { entity: Circuit, label: 'cid' },
  Maintenance: { entity: Maintenance, label: 'name' },
} as const;

/** Rows of `type` whose `column` is `id`, as holders. */
async function rowsPointingAt(manager: EntityManager, type: keyof typeof POINTING, column: string, id: string): Promise<Holder[]> {
  const { entity, label } = POINTING[type];
  const rows: ObjectLiteral[] = await manager
    .getRepository<ObjectLiteral>(entity)
    .createQueryBuilder('h')
    .where(`h.${column} = :id`, { id })
    .orderBy(`h.${label}`)
    .limit(20)
    .getMany();
  return rows.map((r) => ({ type, id: r.id as string, name: String(r[label]) }));
}

/** Maintenances whose impacts name this object. */
async function impactedBy(manager: EntityManager, kind: ImpactTargetKind, id: string): Promise<Holder[]> {
  const rows = await manager
    .createQueryBuilder(Maintenance, 'm')
    .innerJoin(Impact, 'i', 'i.maintenance_id = m.id')
    .where('i.target_type = :kind AND i.target_id = :id', { kind, id })
    .orderBy('m.starts_at')
    .limit(20)
    .getMany();
  return rows.map((m) => ({ type: 'Maintenance', id: m.id, name: m.name }));
}

/**
 * What still points at an object: the rows of each `[type, column]` whose
 * column holds its id, then, for a kind that impacts can name (`impacts`),
 * the maintenances whose impacts do.
 */
function holders(impacts: ImpactTargetKind | null, ...pointers: (readonly [type: keyof typeof POINTING, column: string])[]) {
  return async (manager: EntityManager, id: string): Promise<Holder[]> => {
    const found: Holder[] = [];
    for (const [type, column] of pointers) found.push(...(await rowsPointingAt(manager, type, column, id)));
    if (impacts) found.push(...(await impactedBy(manager, impacts, id)));
    return found;
  };
}

/** The problem with a parent that is the row itself or below it in the tree of `table` (by parent_id), if it is. */
async function ownAncestor(manager: EntityManager, table: string, row: { id?: string; parentId: string | null }): Promise<FieldProblem[]> {
  if (!row.id || !row.parentId) return [];
  const rows: unknown[] = await manager.query(
    `WITH RECURSIVE below(id) AS (SELECT id FROM ${table} WHERE id = $1 UNION SELECT t.id FROM ${table} t JOIN below b ON t.parent_id = b.id)
     SELECT 1 FROM below WHERE id = $2`,
    [row.id, row.parentId],
  );
  return rows.length ? [{ path: 'input.parentId', message: `would make the ${table} its own ancestor` }] : [];
}

const byName = { column: 'lower(o.name)', valueOf: (r: { name: string }) => r.name.toLowerCase() };

export const PROVIDER: InventoryKind<Provider> = {
  objectType: 'Provider',
  entity: Provider,
  fields: ['name', 'slug'],
  sort: byName,
  unique: { constraint: 'UQ_provider_slug', path: 'input.slug', message: (p) => `A provider with slug ${p.slug} already exists` },
  check: async () => [],
  holders: holders(null, ['Circuit', 'provider_id'], ['Maintenance', 'provider_id']),
};

export const REGION: InventoryKind<Region> = {
  objectType: 'Region',
  entity: Region,
  fields: ['name', 'parentId'],
  sort: byName,
  check: async (m, r) => {
    const problems = await missing(m, Region, r.parentId, 'input.parentId', 'region');
    return problems.length ? problems : ownAncestor(m, 'region', r);
  },
  holders: holders(ImpactTargetKind.REGION, ['Region', 'parent_id'], ['Site', 'region_id']),
};

export const SITE: InventoryKind<Site> = {
  objectType: 'Site',
  entity: Site,
  fields: ['name', 'regionId'],
  sort: byName,
  check: (m, s) => missing(m, Region, s.regionId, 'input.regionId', 'region'),
  holders: holders(ImpactTargetKind.SITE, ['Location', 'site_id'], ['Circuit', 'site_id']),
};

export const LOCATION: InventoryKind<Location> = {
  objectType: 'Location',
  entity: Location,
  fields: ['name', 'siteId', 'parentId'],
  sort: byName,
  check: async (m, l) => {
    const problems = [
      ...(await missing(m, Site, l.siteId, 'input.siteId', 'site')),
      ...(await missing(m, Location, l.parentId, 'input.parentId', 'location')),
    ];
    if (problems.length || !l.parentId) return problems;
    const parent = await m.findOneByOrFail(Location, { id: l.parentId });
    if (parent.siteId !== l.siteId) return [{ path: 'input.parentId', message: 'is at another site' }];
    return ownAncestor(m, 'location', l);
  },
  holders: holders(ImpactTargetKind.LOCATION, ['Location', 'parent_id'], ['Circuit', 'location_id']),
};

export const CIRCUIT: InventoryKind<Circuit> = {
  objectType: 'Circuit',
  entity: Circuit,
  fields: ['providerId', 'cid', 'siteId', 'locationId'],
  sort: { column: 'lower(o.cid)', valueOf: (c) => c.cid.toLowerCase() },
  unique: { constraint: 'UQ_circuit_provider_cid', path: 'input.cid', message: (c) => `The provider already has a circuit ${c.cid}` },
  check: async (m, c) => {
    const problems = [
      ...(await missing(m, Provider, c.providerId, 'input.providerId', 'provider')),
      ...(await missing(m, Site, c.siteId, 'input.siteId', 'site')),
      ...(await missing(m, Location, c.locationId, 'input.locationId', 'location')),
    ];
    if (!problems.length && c.locationId) {
      const location = await m.findOneByOrFail(Location, { id: c.locationId });
      if (c.siteId && location.siteId !== c.siteId) problems.push({ path: 'input.locationId', message: 'is not at the circuit’s site' });
      c.siteId ??= location.siteId;
    }
    return problems;
  },
  holders: holders(ImpactTargetKind.CIRCUIT),
};
