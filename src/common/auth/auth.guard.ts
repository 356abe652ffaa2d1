import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { ForbiddenError, UnauthenticatedError } from '../errors/domain-error';
import type { RequestContext } from '../graphql/request-context';
import { PUBLIC_KEY, ROLE_KEY } from './auth.decorators';
import { AuthService } from './auth.service';
import { Role, roleAllows } from './role';
import { connectionAuth, secretFromHeader } from './secret';

/**
 * Default deny: every resolver and route needs a live token unless marked
 * @Public(). Queries and subscriptions need VIEWER, mutations EDITOR, unless @RequireRole
 * asks for more, so forgetting a decorator never opens a write to readers.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets: [Function, Function] = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    if (context.getType<string>() !== 'graphql') return this.checkHttp(context, targets);

    const gql = GqlExecutionContext.create(context);
    const ctx = gql.getContext<RequestContext>();
    ctx.token ??= await this.tokenFor(ctx.connectionParams ? connectionAuth(ctx.connectionParams) : ctx.req?.headers?.authorization);
    const operation = gql.getInfo<GraphQLResolveInfo>().parentType.name;
    const required = this.reflector.getAllAndOverride<Role>(ROLE_KEY, targets) ?? (operation === 'Mutation' ? Role.EDITOR : Role.VIEWER);
    if (!roleAllows(ctx.token.role, required)) throw new ForbiddenError(required, ctx.token.role);
    return true;
  }

  private async checkHttp(context: ExecutionContext, targets: [Function, Function]): Promise<boolean> {
    const req = context.switchToHttp().getRequest<RequestContext['req'] & { token?: RequestContext['token'] }>();
    const fromQuery = typeof req?.query?.token === 'string' ? req.query.token : undefined;
    req.token = await this.tokenFor(req?.headers.authorization ?? fromQuery);
    const required = this.reflector.getAllAndOverride<Role>(ROLE_KEY, targets) ?? Role.VIEWER;
    if (!roleAllows(req.token.role, required)) throw new ForbiddenError(required, req.token.role);
    return true;
  }

  private async tokenFor(header: unknown) {
    const secret = secretFromHeader(header);
    if (!secret) throw new UnauthenticatedError();
    const token = await this.auth.authenticate(secret);
    if (!token) throw new UnauthenticatedError('The API token is unknown or revoked');
    return token;
  }
}
