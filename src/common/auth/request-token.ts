import { ForbiddenError, UnauthenticatedError } from '../errors/domain-error';
import type { RequestContext } from '../graphql/request-context';
import type { ApiToken } from './api-token.entity';
import type { AuthService } from './auth.service';
import { Role, roleAllows } from './role';
import { connectionAuth, secretFromHeader } from './secret';

/**
 * The live token of a GraphQL request (its Authorization header, or the
 * graphql-ws connection params), remembered on the context as the guard does;
 * UNAUTHENTICATED without one, FORBIDDEN below VIEWER (a CALENDAR token). For
 * checks that run before the guard: introspection, and refusing bad arguments.
 */
export async function requireRequestToken(auth: AuthService, ctx: RequestContext): Promise<ApiToken> {
  if (!ctx.token) {
    const secret = secretFromHeader(ctx.connectionParams ? connectionAuth(ctx.connectionParams) : ctx.req?.headers?.authorization);
    if (!secret) throw new UnauthenticatedError();
    const token = await auth.authenticate(secret);
    if (!token) throw new UnauthenticatedError('The API token is unknown or revoked');
    ctx.token = token;
  }
  if (!roleAllows(ctx.token.role, Role.VIEWER)) throw new ForbiddenError(Role.VIEWER, ctx.token.role);
  return ctx.token;
}
