import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType('Occurrence', { description: 'One window of time, half-open: active at T when start ≤ T < end.' })
export class OccurrenceType {
  @Field(() => Date) start!: Date;
  @Field(() => Date) end!: Date;

  static of(start: Date, end: Date): OccurrenceType {
    return Object.assign(new OccurrenceType(), { start, end });
  }
}
