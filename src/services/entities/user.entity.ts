import { TimestampedRow } from '../../common/timestamps';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

@Entity({ name: 'app_user' })
@Index('UQ_app_user_email', { synchronize: false })
export class User extends TimestampedRow {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'text' }) name!: string;
  /** Unique regardless of case: the index is on lower(email), written by hand in the migration. */
  @Column({ type: 'text' }) email!: string;
  @Column({ name: 'time_zone', type: 'text' }) timeZone!: string;
}
