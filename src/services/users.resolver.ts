import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Actor } from '../common/auth/actor';
import { CurrentActor, RequireRole } from '../common/auth/auth.decorators';
import { Role } from '../common/auth/role';
import { PageArgs } from '../common/pagination/page-args';
import { toUser } from './services.mappers';
import { CreateUserInput, UpdateUserInput, UserConnection, UserType } from './user.types';
import { UsersService } from './users.service';

@Resolver(() => UserType)
export class UsersResolver {
  constructor(private readonly users: UsersService) {}

  @Query(() => UserConnection, { name: 'users', description: 'Users by name.' })
  async listUsers(@Args() page: PageArgs) {
    const c = await this.users.list(page);
    return { ...c, nodes: c.nodes.map(toUser) };
  }

  @Query(() => UserType)
  async user(@Args('id', { type: () => ID }) id: string) {
    return toUser(await this.users.get(id));
  }

  @RequireRole(Role.ADMIN)
  @Mutation(() => UserType, { description: 'ADMIN only.' })
  async createUser(@Args('input') input: CreateUserInput, @CurrentActor() actor: Actor) {
    return toUser(await this.users.create(input, actor));
  }

  @RequireRole(Role.ADMIN)
  @Mutation(() => UserType, { description: 'ADMIN only.' })
  async updateUser(@Args('id', { type: () => ID }) id: string, @Args('input') input: UpdateUserInput, @CurrentActor() actor: Actor) {
    return toUser(await this.users.update(id, input, actor));
  }

  @RequireRole(Role.ADMIN)
  @Mutation(() => UserType, { description: 'Refused (CONFLICT) while an escalation policy targets the user. ADMIN only.' })
  async deleteUser(@Args('id', { type: () => ID }) id: string, @CurrentActor() actor: Actor) {
    return toUser(await this.users.delete(id, actor));
  }
}
