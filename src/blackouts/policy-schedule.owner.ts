import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { Actor } from '../common/auth/actor';
import type { Schedule } from '../schedule';
import { ScheduleOwners, type ScheduleOwner } from '../schedule-graphql/schedule-owners';
import { BlackoutPoliciesService } from './blackout-policies.service';
import { toBlackoutPolicy } from './policy.mapper';

/** Lets `skipOccurrence(blackoutPolicyId: …)` change a policy's schedule, through the policy's own update (POLICY_ACTIVE included). */
@Injectable()
export class PolicyScheduleOwner implements ScheduleOwner, OnModuleInit {
  readonly argument = 'blackoutPolicyId';

  constructor(
    private readonly owners: ScheduleOwners,
    private readonly policies: BlackoutPoliciesService,
  ) {}

  onModuleInit() {
    this.owners.register(this);
  }

  async changeSchedule(id: string, change: (schedule: Schedule) => Schedule, actor: Actor) {
    return toBlackoutPolicy(await this.policies.update(id, (policy) => ({ schedule: change(policy.schedule) }), actor));
  }
}
