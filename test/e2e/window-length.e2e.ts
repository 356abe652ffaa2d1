import { codes, TestHush, type GraphQLResponse } from '../support/hush';
import { createMaintenance, seedInventory } from './provider-maintenance/fixtures';
import { CREATE_WINDOW, seedService } from './services/fixtures';

const START = '2026-06-10T00:00:00Z';
/** 730 days after START (2028 is a leap year): the longest a window may last by default. */
const LONGEST = '2028-06-09T00:00:00Z';
const TOO_LONG = '2028-06-09T00:00:01Z';
const REFUSED = [{ path: 'input.endsAt', message: 'must be at most 730 days after startsAt (HUSH_MAX_WINDOW_DAYS)' }];

describe('windows longer than HUSH_MAX_WINDOW_DAYS', () => {
  let hush: TestHush;
  let serviceId: string;
  let providerId: string;
  beforeAll(async () => {
    hush = await TestHush.start({ now: '2026-06-01T12:00:00Z' });
    ({ serviceId } = await seedService(hush));
    providerId = (await seedInventory(hush)).provider;
  });
  afterAll(() => hush.close());

  const refusal = (res: GraphQLResponse) => {
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
    return res.errors![0].extensions!.fields;
  };

  it('refuses a service maintenance window on create and on update, and takes one exactly as long as the limit', async () => {
    expect(refusal(await hush.gql(CREATE_WINDOW, { i: { startsAt: START, endsAt: TOO_LONG, serviceIds: [serviceId] } }))).toEqual(REFUSED);
    const window = (await hush.ok(CREATE_WINDOW, { i: { startsAt: START, endsAt: LONGEST, serviceIds: [serviceId] } }))
      .createMaintenanceWindow;
    const UPDATE = 'mutation($id: ID!, $i: UpdateMaintenanceWindowInput!) { updateMaintenanceWindow(id: $id, input: $i) { endsAt } }';
    expect(refusal(await hush.gql(UPDATE, { id: window.id, i: { endsAt: TOO_LONG } }))).toEqual(REFUSED);
    expect(refusal(await hush.gql(UPDATE, { id: window.id, i: { startsAt: '2026-06-09T23:59:59Z' } }))).toEqual(REFUSED);
    expect((await hush.ok(UPDATE, { id: window.id, i: { endsAt: '2028-06-01T00:00:00Z' } })).updateMaintenanceWindow.endsAt).toBe(
      '2028-06-01T00:00:00.000Z',
    );
  });

  it('refuses a provider maintenance on create, update and reschedule', async () => {
    const CREATE = 'mutation($i: CreateMaintenanceInput!) { createMaintenance(input: $i) { id } }';
    const input = { name: 'WO-long', summary: 'Duct works', providerId, status: 'CONFIRMED', startsAt: START };
    expect(refusal(await hush.gql(CREATE, { i: { ...input, endsAt: TOO_LONG } }))).toEqual(REFUSED);
    const m = await createMaintenance(hush, { ...input, endsAt: LONGEST });
    const UPDATE = 'mutation($id: ID!, $i: UpdateMaintenanceInput!) { updateMaintenance(id: $id, input: $i) { id } }';
    expect(refusal(await hush.gql(UPDATE, { id: m.id, i: { endsAt: TOO_LONG } }))).toEqual(REFUSED);
    const RESCHEDULE = 'mutation($id: ID!, $i: RescheduleMaintenanceInput!) { rescheduleMaintenance(id: $id, input: $i) { id } }';
    expect(
      refusal(await hush.gql(RESCHEDULE, { id: m.id, i: { startsAt: '2026-07-01T00:00:00Z', endsAt: '2028-07-01T00:00:00Z' } })),
    ).toEqual(REFUSED);
    // Fields other than the times still change on a maintenance that long.
    expect(codes(await hush.gql(UPDATE, { id: m.id, i: { summary: 'Duct works, phase 2' } }))).toEqual([]);
  });
});
