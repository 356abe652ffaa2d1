import type { TestHush } from '../../support/hush';

export const MAINTENANCE_FIELDS = 'id name status acknowledged startsAt endsAt replaces { id } replacedBy { id }';

/** A provider with a region tree, two sites, a location and two circuits. */
export async function seedInventory(hush: TestHush) {
  const m = async (mutation: string, input: Record<string, unknown>) =>
    Object.values(
      await hush.ok(
        `mutation($i: ${mutation[0].toUpperCase()}${mutation.slice(1).replace(/^create/, 'Create')}Input!) { ${mutation}(input: $i) { id } }`,
        { i: input },
      ),
    )[0] as {
      id: string;
    };
  const provider = await m('createProvider', { name: 'Example Transit', slug: 'example-transit' });
  const europe = await m('createRegion', { name: 'Europe' });
  const germany = await m('createRegion', { name: 'Germany', parentId: europe.id });
  const fra = await m('createSite', { name: 'FRA1', regionId: germany.id });
  const ams = await m('createSite', { name: 'AMS1', regionId: europe.id });
  const cage = await m('createLocation', { name: 'Cage 4', siteId: fra.id });
  const c1 = await m('createCircuit', { providerId: provider.id, cid: 'ETX-1001', siteId: fra.id, locationId: cage.id });
  const c2 = await m('createCircuit', { providerId: provider.id, cid: 'ETX-1002', siteId: ams.id });
  return { provider: provider.id, europe: europe.id, germany: germany.id, fra: fra.id, ams: ams.id, cage: cage.id, c1: c1.id, c2: c2.id };
}

export async function createMaintenance(hush: TestHush, input: Record<string, unknown>) {
  const { createMaintenance } = await hush.ok(
    `mutation($i: CreateMaintenanceInput!) { createMaintenance(input: $i) { ${MAINTENANCE_FIELDS} } }`,
    {
      i: { name: 'WO-1', summary: 'Fibre repair', startsAt: '2026-06-10T01:00:00Z', endsAt: '2026-06-10T05:00:00Z', ...input },
    },
  );
  return createMaintenance as { id: string; status: string; acknowledged: boolean };
}
