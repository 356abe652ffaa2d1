import type { TestHush } from '../../support/hush';

/** A user, a policy targeting them, and a service on that policy: what every window needs. */
export async function seedService(hush: TestHush, name = 'Checkout API') {
  const { createUser } = await hush.ok(`mutation($i: CreateUserInput!) { createUser(input: $i) { id } }`, {
    i: { name: `${name} owner`, email: `${name.replace(/\W/g, '').toLowerCase()}@example.com`, timeZone: 'Europe/Berlin' },
  });
  const { createEscalationPolicy } = await hush.ok(
    `mutation($i: CreateEscalationPolicyInput!) { createEscalationPolicy(input: $i) { id } }`,
    {
      i: { name: `${name} policy`, numLoops: 2, rules: [{ delayMinutes: 22, targets: [{ type: 'USER', id: createUser.id }] }] },
    },
  );
  const { createService } = await hush.ok(`mutation($i: CreateServiceInput!) { createService(input: $i) { id integrationKey } }`, {
    i: { name, escalationPolicyId: createEscalationPolicy.id },
  });
  return {
    userId: createUser.id as string,
    policyId: createEscalationPolicy.id as string,
    serviceId: createService.id as string,
    integrationKey: createService.integrationKey as string,
  };
}

export const CREATE_WINDOW = `mutation($i: CreateMaintenanceWindowInput!) {
  createMaintenanceWindow(input: $i) { id startsAt endsAt description state services { id } createdBy { tokenName requester { id } } } }`;

export const SEND_EVENT = `mutation($i: SendEventInput!) {
  sendEvent(input: $i) { suppressed reasons { source id name occurrence { start end } } incident { id status dedupKey } event { result dedupKey } } }`;
