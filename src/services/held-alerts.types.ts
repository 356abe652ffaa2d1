import { OptionalIdList } from '../common/graphql/id-list-field';
import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { SuppressionReasonType } from '../common/graphql/suppression-reason.type';
import { ConnectionType } from '../common/pagination/connection';
import { HeldAlertStatus } from './entities/held-alert.entity';
import { EventSeverity } from './entities/incident.entity';
import { ReleaseOutcome } from './alert-release';
import { IncidentType } from './incident.types';

registerEnumType(HeldAlertStatus, { name: 'HeldAlertStatus', description: 'Held now, or how the hold ended.' });
registerEnumType(ReleaseOutcome, { name: 'ReleaseOutcome', description: 'What a held alert became when its maintenance ended.' });

@ObjectType('HeldAlert', {
  description: 'A TRIGGER that maintenance suppressed, kept until the maintenance ends (later triggers with its key join it).',
})
export class HeldAlertType {
  @Field(() => ID) id!: string;
  @Field() dedupKey!: string;
  @Field() summary!: string;
  @Field(() => EventSeverity) severity!: EventSeverity;
  @Field(() => HeldAlertStatus) status!: HeldAlertStatus;
  @Field(() => Int, { description: 'How many TRIGGERs it holds.' }) triggers!: number;
  @Field(() => Date) firstTriggeredAt!: Date;
  @Field(() => Date) lastTriggeredAt!: Date;
  @Field(() => [SuppressionReasonType], { description: 'Every source that held it, each once.' }) heldBy!: SuppressionReasonType[];
  @Field(() => [SuppressionReasonType], { description: 'What holds it now (empty once it is no longer held).' })
  reasons!: SuppressionReasonType[];
  @Field(() => Date, {
    nullable: true,
    description:
      'When it will be released if nothing else comes: the end of the occurrences holding it; null while a recurring source holds it.',
  })
  expectedReleaseAt!: Date | null;
  @Field(() => Date, { nullable: true, description: 'When it was released, cleared or discarded.' }) endedAt!: Date | null;
  @Field(() => ID, { description: 'The service it was sent to.' }) serviceId!: string;
  incidentId!: string | null;
}
export const HeldAlertConnection = ConnectionType(HeldAlertType, 'HeldAlertConnection');

@InputType()
export class HeldAlertFilter {
  @OptionalIdList(500) serviceIds?: string[];
}

@ObjectType('AlertRelease', { description: 'A held alert released as its maintenance ended.' })
export class AlertReleaseType {
  @Field(() => HeldAlertType) heldAlert!: HeldAlertType;
  @Field(() => ReleaseOutcome) outcome!: ReleaseOutcome;
  @Field(() => IncidentType, { nullable: true, description: 'The incident it opened or joined; null when DISCARDED.' })
  incident!: IncidentType | null;
}

@ArgsType()
export class AlertsReleasedArgs {
  @OptionalIdList(500, 'Only releases on these services.') serviceIds?: string[];
}
