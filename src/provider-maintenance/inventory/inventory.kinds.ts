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

/** Rows of `entity` whose `column` is `id`, as holders. */
async function rowsPointingAt(
  manager: EntityManager,
  entity: EntityTarget<ObjectLiteral>,
  type: string,
  column: string,
  id: string,
  label = 'name',
): Promise<Holder[]> {
  const rows = await manager
    .getRepository(entity)
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

/** True when `candidate` is `id` or below it in the tree of `table` (by parent_id). */
async function isSelfOrDescendant(manager: EntityManager, table: string, id: string, candidate: string): Promise<boolean> {
  const rows: unknown[] = await manager.query(
    `WITH RECURSIVE below(id) AS (SELECT id FROM ${table} WHERE id = $1 UNION SELECT t.id FROM ${table} t JOIN below b ON t.parent_id = b.id)
     SELECT 1 FROM below WHERE id = $2`,
    [id, candidate],
  );
  return rows.length > 0;
}

const byName = { column: 'lower(o.name)', valueOf: (r: { name: string }) => r.name.toLowerCase() };

export const PROVIDER: InventoryKind<Provider> = {
  objectType: 'Provider',
  entity: Provider,
  fields: ['name', 'slug'],
  sort: byName,
  unique: { constraint: 'UQ_provider_slug', path: 'input.slug', message: (p) => `A provider with slug ${p.slug} already exists` },
  check: async () => [],
  holders: async (m, id) => [
    ...(await rowsPointingAt(m, Circuit, 'Circuit', 'provider_id', id, 'cid')),
    ...(await rowsPointingAt(m, Maintenance, 'Maintenance', 'provider_id', id)),
  ],
};

export const REGION: InventoryKind<Region> = {
  objectType: 'Region',
  entity: Region,
  fields: ['name', 'parentId'],
  sort: byName,
  check: async (m, r) => {
    const problems = await missing(m, Region, r.parentId, 'input.parentId', 'region');
    if (!problems.length && r.id && r.parentId && (await isSelfOrDescendant(m, 'region', r.id, r.parentId))) {
      problems.push({ path: 'input.parentId', message: 'would make the region its own ancestor' });
    }
    return problems;
  },
  holders: async (m, id) => [
    ...(await rowsPointingAt(m, Region, 'Region', 'parent_id', id)),
    ...(await rowsPointingAt(m, Site, 'Site', 'region_id', id)),
    ...(await impactedBy(m, ImpactTargetKind.REGION, id)),
  ],
};

export const SITE: InventoryKind<Site> = {
  objectType: 'Site',
  entity: Site,
  fields: ['name', 'regionId'],
  sort: byName,
  check: (m, s) => missing(m, Region, s.regionId, 'input.regionId', 'region'),
  holders: async (m, id) => [
    ...(await rowsPointingAt(m, Location, 'Location', 'site_id', id)),
    ...(await rowsPointingAt(m, Circuit, 'Circuit', 'site_id', id, 'cid')),
    ...(await impactedBy(m, ImpactTargetKind.SITE, id)),
  ],
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
    if (parent.siteId !== l.siteId) problems.push({ path: 'input.parentId', message: 'is at another site' });
    else if (l.id && (await isSelfOrDescendant(m, 'location', l.id, l.parentId)))
      problems.push({ path: 'input.parentId', message: 'would make the location its own ancestor' });
    return problems;
  },
  holders: async (m, id) => [
    ...(await rowsPointingAt(m, Location, 'Location', 'parent_id', id)),
    ...(await rowsPointingAt(m, Circuit, 'Circuit', 'location_id', id, 'cid')),
    ...(await impactedBy(m, ImpactTargetKind.LOCATION, id)),
  ],
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
  holders: (m, id) => impactedBy(m, ImpactTargetKind.CIRCUIT, id),
};
