import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** Columns every inventory object has. */
abstract class InventoryObject {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'text' }) name!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
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
  @ManyToOne(() => Region, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parent_id', foreignKeyConstraintName: 'FK_region_parent' })
  parent?: Region;
}

@Entity({ name: 'site' })
@Index('IX_site_region', ['regionId'])
export class Site extends InventoryObject {
  @Column({ name: 'region_id', type: 'uuid', nullable: true }) regionId!: string | null;
  @ManyToOne(() => Region, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'region_id', foreignKeyConstraintName: 'FK_site_region' })
  region?: Region;
}

@Entity({ name: 'location' })
@Index('IX_location_site', ['siteId'])
@Index('IX_location_parent', ['parentId'])
export class Location extends InventoryObject {
  @Column({ name: 'site_id', type: 'uuid' }) siteId!: string;
  @ManyToOne(() => Site, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'site_id', foreignKeyConstraintName: 'FK_location_site' })
  site?: Site;
  @Column({ name: 'parent_id', type: 'uuid', nullable: true }) parentId!: string | null;
  @ManyToOne(() => Location, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parent_id', foreignKeyConstraintName: 'FK_location_parent' })
  parent?: Location;
}

/** A provider's circuit, named by the provider's circuit id (`cid`), ending at a site and location. */
@Entity({ name: 'circuit' })
@Index('UQ_circuit_provider_cid', ['providerId', 'cid'], { unique: true })
@Index('IX_circuit_site', ['siteId'])
@Index('IX_circuit_location', ['locationId'])
export class Circuit {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'provider_id', type: 'uuid' }) providerId!: string;
  @ManyToOne(() => Provider, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'provider_id', foreignKeyConstraintName: 'FK_circuit_provider' })
  provider?: Provider;
  @Column({ type: 'text' }) cid!: string;
  @Column({ name: 'site_id', type: 'uuid', nullable: true }) siteId!: string | null;
  @ManyToOne(() => Site, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'site_id', foreignKeyConstraintName: 'FK_circuit_site' })
  site?: Site;
  @Column({ name: 'location_id', type: 'uuid', nullable: true }) locationId!: string | null;
  @ManyToOne(() => Location, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'location_id', foreignKeyConstraintName: 'FK_circuit_location' })
  location?: Location;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
