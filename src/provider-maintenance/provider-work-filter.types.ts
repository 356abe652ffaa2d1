import { Field, ID, InputType } from '@nestjs/graphql';
import { IsBoolean, IsOptional, IsUUID } from 'class-validator';

const uuid = { message: 'must be a UUID' };

/** The filter fields maintenances and outages share: their provider, whether reviewed, and the places their impacts reach. */
@InputType({ isAbstract: true })
export abstract class ProviderWorkFilter {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID(undefined, uuid) providerId?: string;
  @Field({ nullable: true }) @IsOptional() @IsBoolean() acknowledged?: boolean;
  @Field(() => ID, { nullable: true, description: 'Impacting the site, a location at it, or a circuit ending there.' })
  @IsOptional()
  @IsUUID(undefined, uuid)
  siteId?: string;
  @Field(() => ID, { nullable: true, description: 'Impacting a site in the region or any region below it.' })
  @IsOptional()
  @IsUUID(undefined, uuid)
  regionId?: string;
  @Field(() => ID, { nullable: true, description: 'Impacting the location (or one inside it), or a circuit ending there.' })
  @IsOptional()
  @IsUUID(undefined, uuid)
  locationId?: string;
}
