import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'One id a bulk mutation could not act on, and why.' })
export class BulkFailure {
  @Field(() => ID) id!: string;
  @Field({ description: 'An error code from the shared list, e.g. NOT_FOUND or BAD_USER_INPUT.' }) code!: string;
  @Field() message!: string;
}

@ObjectType({ description: 'What a bulk mutation did: partial success is normal, not an error.' })
export class BulkResult {
  @Field(() => [ID]) succeeded: string[] = [];
  @Field(() => [BulkFailure]) failed: BulkFailure[] = [];
}
