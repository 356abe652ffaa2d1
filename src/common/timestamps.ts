import { Field, ObjectType } from '@nestjs/graphql';
import { CreateDateColumn, UpdateDateColumn } from 'typeorm';

/** When a row was made and last changed, as every table people edit keeps them. */
export abstract class TimestampedRow {
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

/** The same two instants as GraphQL shows them. */
@ObjectType({ isAbstract: true })
export abstract class Timestamped {
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date) updatedAt!: Date;
}
