import { Field, ID, InterfaceType } from '@nestjs/graphql';

/** What has a schedule of its own: a monitor's maintenance period or a blackout policy. */
@InterfaceType('Scheduled', { description: 'Something with a schedule of its own: a MaintenancePeriod or a BlackoutPolicy.' })
export abstract class ScheduledType {
  @Field(() => ID) id!: string;
  @Field() name!: string;
}
