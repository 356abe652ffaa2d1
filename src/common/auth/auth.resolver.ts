import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Actor } from './actor';
import type { ApiToken } from './api-token.entity';
import { CurrentActor, CurrentToken, RequireRole } from './auth.decorators';
import { AuthService } from './auth.service';
import { ApiTokenType, CreateApiTokenInput, CreatedApiToken } from './auth.types';
import { Role } from './role';

@Resolver(() => ApiTokenType)
export class AuthResolver {
  constructor(private readonly auth: AuthService) {}

  @Query(() => ApiTokenType, { description: 'The calling token.' })
  me(@CurrentToken() token: ApiToken): ApiTokenType {
    return ApiTokenType.from(token);
  }

  @RequireRole(Role.ADMIN)
  @Query(() => [ApiTokenType], { description: 'Every token, revoked ones included. ADMIN only.' })
  async apiTokens(): Promise<ApiTokenType[]> {
    return (await this.auth.list()).map(ApiTokenType.from);
  }

  @RequireRole(Role.ADMIN)
  @Mutation(() => CreatedApiToken, { description: 'Creates a token; its secret is returned once. ADMIN only.' })
  async createApiToken(@Args('input') input: CreateApiTokenInput, @CurrentActor() actor: Actor): Promise<CreatedApiToken> {
    const { token, secret } = await this.auth.create(input, actor);
    return { token: secret, apiToken: ApiTokenType.from(token) };
  }

  @RequireRole(Role.ADMIN)
  @Mutation(() => ApiTokenType, { description: 'Revokes a token at once. ADMIN only.' })
  async revokeApiToken(@Args('id', { type: () => ID }) id: string, @CurrentActor() actor: Actor): Promise<ApiTokenType> {
    return ApiTokenType.from(await this.auth.revoke(id, actor));
  }
}
