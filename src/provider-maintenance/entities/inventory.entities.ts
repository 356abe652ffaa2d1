import { TimestampedRow } from '../../common/timestamps';
import { References } from '../../common/references';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Columns every inventory object has. */
abstract class InventoryObject extends TimestampedRow {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'text' }) name!: string;
}

@Entity({ name: 'provider' })
@Index('UQ_provider_slug', ['slug'], { unique: true })
export class Provider extends InventoryObject {
  @Column({ type: 'text' }) slug!: string;
}

/** Regions form a tree: a region's sites are also in every region above it. */
@Entity({ name: 'region' })
@Index('IX_region_parent', ['parentId'])
export class Region extends InventoryObject {
  @Column({ name: 'parent_id', type: 'uuid', nullable: true }) parentId!: string | null;
  @References(() => Region, 'parent_id', 'FK_region_parent', 'RESTRICT') parent?: Region;
}

@Entity({ name: 'site' })
@Index('IX_site_region', ['regionId'])
export class Site extends InventoryObject {
  @Column({ name: 'region_id', type: 'uuid', nullable: true }) regionId!: string | null;
  @References(() => Region, 'region_id', 'FK_site_region', 'RESTRICT') region?: Region;
}

@Entity({ name: 'location' })
@Index('IX_location_site', ['siteId'])
@Index('IX_location_parent', ['parentId'])
export class Location extends InventoryObject {
  @Column({ name: 'site_id', type: 'uuid' }) siteId!: string;
  @References(() => Site, 'site_id', 'FK_location_site', 'RESTRICT') site?: Site;
  @Column({ name: 'parent_id', type: 'uuid', nullable: true }) parentId!: string | null;
  @References(() => Location, 'parent_id', 'FK_location_parent', 'RESTRICT') parent?: Location;
}

/** A provider's circuit, named by the provider's circuit id (`cid`), ending at a site and location. */
@Entity({ name: 'circuit' })
@Index('UQ_circuit_provider_cid', ['providerId', 'cid'], { unique: true })
@Index('IX_circuit_site', ['siteId'])
@Index('IX_circuit_location', ['locationId'])
export class Circuit extends TimestampedRow {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'provider_id', type: 'uuid' }) providerId!: string;
  @References(() => Provider, 'provider_id', 'FK_circuit_provider', 'RESTRICT') provider?: Provider;
  @Column({ type: 'text' }) cid!: string;
  @Column({ name: 'site_id', type: 'uuid', nullable: true }) siteId!: string | null;
  @References(() => Site, 'site_id', 'FK_circuit_site', 'RESTRICT') site?: Site;
  @Column({ name: 'location_id', type: 'uuid', nullable: true }) locationId!: string | null;
  @References(() => Location, 'location_id', 'FK_circuit_location', 'RESTRICT') location?: Location;
}
