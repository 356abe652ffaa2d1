import { ArgsType, Field, Int } from '@nestjs/graphql';
import { INPUT_LIMITS } from '../graphql/input-guard';

export const MAX_PAGE_SIZE = INPUT_LIMITS.maxPageSize;

/** `first` is checked with every other page size by the input guard (1…MAX_PAGE_SIZE); `after` by keysetPage. */
@ArgsType()
export class PageArgs {
  @Field(() => Int, { defaultValue: 50, description: `1 to ${MAX_PAGE_SIZE}.` })
  first = 50;

  @Field(() => String, { nullable: true, description: 'The `endCursor` of the previous page.' })
  after?: string | null;
}
