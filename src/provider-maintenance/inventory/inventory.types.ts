import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { ConnectionType } from '../../common/pagination/connection';
import type { Circuit, Location, Provider, Region, Site } from '../entities/inventory.entities';

const uuid = { message: 'must be a UUID' };

@ObjectType('Provider')
export class ProviderType {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field() slug!: string;
  static from(this: void, p: Provider) {
    return Object.assign(new ProviderType(), { id: p.id, name: p.name, slug: p.slug });
  }
}
export const ProviderConnection = ConnectionType(ProviderType, 'ProviderConnection');

@InputType()
export class CreateProviderInput {
  @Field() @IsString() @Length(1, 100) name!: string;
  @Field({ description: 'Lowercase letters, digits and dashes; unique.' })
  @Matches(/^[a-z0-9][a-z0-9-]{0,99}$/, { message: 'must be lowercase letters, digits and dashes' })
  slug!: string;
}
@InputType()
export class UpdateProviderInput {
  @Field({ nullable: true }) @IsOptional() @IsString() @Length(1, 100) name?: string;
  @Field({ nullable: true })
  @IsOptional()
  @Matches(/^[a-z0-9][a-z0-9-]{0,99}$/, { message: 'must be lowercase letters, digits and dashes' })
  slug?: string;
}

@ObjectType('Region', { description: 'Regions form a tree.' })
export class RegionType {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  parentId!: string | null;
  static from(this: void, r: Region) {
    return Object.assign(new RegionType(), { id: r.id, name: r.name, parentId: r.parentId });
  }
}
export const RegionConnection = ConnectionType(RegionType, 'RegionConnection');

@InputType()
export class CreateRegionInput {
  @Field() @IsString() @Length(1, 100) name!: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID(undefined, uuid) parentId?: string;
}
@InputType()
export class UpdateRegionInput {
  @Field({ nullable: true }) @IsOptional() @IsString() @Length(1, 100) name?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID(undefined, uuid) parentId?: string;
}

@ObjectType('Site')
export class SiteType {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  regionId!: string | null;
  static from(this: void, s: Site) {
    return Object.assign(new SiteType(), { id: s.id, name: s.name, regionId: s.regionId });
  }
}
export const SiteConnection = ConnectionType(SiteType, 'SiteConnection');

@InputType()
export class CreateSiteInput {
  @Field() @IsString() @Length(1, 100) name!: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID(undefined, uuid) regionId?: string;
}
@InputType()
export class UpdateSiteInput {
  @Field({ nullable: true }) @IsOptional() @IsString() @Length(1, 100) name?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID(undefined, uuid) regionId?: string;
}

@ObjectType('Location', { description: 'A place within a site (building, floor, room); locations nest.' })
export class LocationType {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  siteId!: string;
  parentId!: string | null;
  static from(this: void, l: Location) {
    return Object.assign(new LocationType(), { id: l.id, name: l.name, siteId: l.siteId, parentId: l.parentId });
  }
}
export const LocationConnection = ConnectionType(LocationType, 'LocationConnection');

@InputType()
export class CreateLocationInput {
  @Field() @IsString() @Length(1, 100) name!: string;
  @Field(() => ID) @IsUUID(undefined, uuid) siteId!: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID(undefined, uuid) parentId?: string;
}
@InputType()
export class UpdateLocationInput {
  @Field({ nullable: true }) @IsOptional() @IsString() @Length(1, 100) name?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID(undefined, uuid) siteId?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID(undefined, uuid) parentId?: string;
}

@ObjectType('Circuit')
export class CircuitType {
  @Field(() => ID) id!: string;
  @Field({ description: "The provider's circuit id." }) cid!: string;
  providerId!: string;
  siteId!: string | null;
  locationId!: string | null;
  static from(this: void, c: Circuit) {
    return Object.assign(new CircuitType(), { id: c.id, cid: c.cid, providerId: c.providerId, siteId: c.siteId, locationId: c.locationId });
  }
}
export const CircuitConnection = ConnectionType(CircuitType, 'CircuitConnection');

@InputType()
export class CreateCircuitInput {
  @Field(() => ID) @IsUUID(undefined, uuid) providerId!: string;
  @Field() @IsString() @Length(1, 100) cid!: string;
  @Field(() => ID, { nullable: true, description: 'Termination site.' }) @IsOptional() @IsUUID(undefined, uuid) siteId?: string;
  @Field(() => ID, { nullable: true, description: 'Termination location (its site is the circuit’s site).' })
  @IsOptional()
  @IsUUID(undefined, uuid)
  locationId?: string;
}
@InputType()
export class UpdateCircuitInput {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID(undefined, uuid) providerId?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @Length(1, 100) cid?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID(undefined, uuid) siteId?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID(undefined, uuid) locationId?: string;
}
