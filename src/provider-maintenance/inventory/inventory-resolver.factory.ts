import type { Type } from '@nestjs/common';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Actor } from '../../common/auth/actor';
import { CurrentActor } from '../../common/auth/auth.decorators';
import { InputValidationPipe } from '../../common/graphql/validation.pipe';
import type { Connection } from '../../common/pagination/connection';
import { PageArgs } from '../../common/pagination/page-args';
import type { InventoryKind, InventoryRow } from './inventory-kind';
import { InventoryService } from './inventory.service';

interface Spec<E extends InventoryRow, T> {
  kind: InventoryKind<E>;
  type: Type<T>;
  connection: Type<Connection<T>>;
  createInput: Type<object>;
  updateInput: Type<object>;
  /** e.g. `site` → queries `sites`, `site`, mutations `createSite`, `updateSite`, `deleteSite`. */
  singular: string;
  toType: (row: E) => T;
}

/** List, get, create, update and delete for one inventory kind: the five operations every kind has, declared once. */
export function inventoryResolver<E extends InventoryRow, T>(spec: Spec<E, T>): Type<unknown> {
  const Name = spec.singular[0].toUpperCase() + spec.singular.slice(1);

  @Resolver(() => spec.type)
  class InventoryResolver {
    constructor(readonly inventory: InventoryService) {}

    @Query(() => spec.connection, { name: `${spec.singular}s`, description: `${Name}s, sorted.` })
    async list(@Args() page: PageArgs) {
      const c = await this.inventory.list(spec.kind, page);
      return { ...c, nodes: c.nodes.map(spec.toType) };
    }

    @Query(() => spec.type, { name: spec.singular })
    async get(@Args('id', { type: () => ID }) id: string) {
      return spec.toType(await this.inventory.get(spec.kind, id));
    }

    @Mutation(() => spec.type, { name: `create${Name}` })
    async create(
      @Args('input', { type: () => spec.createInput }, new InputValidationPipe(spec.createInput)) input: Partial<E>,
      @CurrentActor() actor: Actor,
    ) {
      return spec.toType(await this.inventory.create(spec.kind, input, actor));
    }

    @Mutation(() => spec.type, { name: `update${Name}` })
    async update(
      @Args('id', { type: () => ID }) id: string,
      @Args('input', { type: () => spec.updateInput }, new InputValidationPipe(spec.updateInput)) input: Partial<E>,
      @CurrentActor() actor: Actor,
    ) {
      return spec.toType(await this.inventory.update(spec.kind, id, input, actor));
    }

    @Mutation(() => spec.type, {
      name: `delete${Name}`,
      description: `Refused (CONFLICT) while anything still points at the ${spec.singular}.`,
    })
    async delete(@Args('id', { type: () => ID }) id: string, @CurrentActor() actor: Actor) {
      return spec.toType(await this.inventory.delete(spec.kind, id, actor));
    }
  }
  Object.defineProperty(InventoryResolver, 'name', { value: `${Name}Resolver` });
  return InventoryResolver;
}
