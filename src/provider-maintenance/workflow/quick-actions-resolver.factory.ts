import { Inject, type Type } from '@nestjs/common';
import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import type { Actor } from '../../common/auth/actor';
import { CurrentActor } from '../../common/auth/auth.decorators';
import { declareMethod } from '../../common/declare-method';

/** One quick action: a mutation taking the object's id, such as `investigateOutage(id)`. */
export interface QuickAction<Service, Row> {
  name: string;
  description?: string;
  run: (service: Service, id: string, actor: Actor) => Promise<Row>;
}

interface Spec<Service, Row, T> {
  /** e.g. `OutageQuickActions` (how Nest and its errors name the resolver). */
  name: string;
  service: Type<Service>;
  type: Type<T>;
  toType: (row: Row) => T;
  actions: readonly QuickAction<Service, Row>[];
}

/**
 * The quick actions of a workflow (acknowledge, cancel, investigate…), each a
 * mutation `(id: ID!): T` run by the service for the caller, declared as a
 * table rather than a method each.
 */
export function quickActionsResolver<Service, Row, T>(spec: Spec<Service, Row, T>): Type<unknown> {
  @Resolver(() => spec.type)
  class QuickActionsResolver {
    constructor(@Inject(spec.service) readonly service: Service) {}
  }
  for (const action of spec.actions) {
    declareMethod(
      QuickActionsResolver,
      action.name,
      async function (this: QuickActionsResolver, id: string, actor: Actor) {
        return spec.toType(await action.run(this.service, id, actor));
      },
      [
        [String, Args('id', { type: () => ID })],
        [Object, CurrentActor()],
      ],
      Mutation(() => spec.type, { name: action.name, description: action.description }),
    );
  }
  Object.defineProperty(QuickActionsResolver, 'name', { value: spec.name });
  return QuickActionsResolver;
}
