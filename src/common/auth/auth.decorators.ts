import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { RequestContext } from '../graphql/request-context';
import { actorOf, type Actor } from './actor';
import type { ApiToken } from './api-token.entity';
import type { Role } from './role';

export const PUBLIC_KEY = 'hush:public';
export const ROLE_KEY = 'hush:role';

/** Reachable without a token (only the health check is). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/** The least role an operation needs; without it queries need VIEWER and mutations EDITOR. */
export const RequireRole = (role: Role) => SetMetadata(ROLE_KEY, role);

function tokenOf(context: ExecutionContext): ApiToken {
  const token = GqlExecutionContext.create(context).getContext<RequestContext>().token;
  if (!token) throw new Error('No authenticated token on a guarded operation');
  return token;
}

/** The calling token. */
export const CurrentToken = createParamDecorator((_: unknown, context: ExecutionContext): ApiToken => tokenOf(context));

/** The calling token as the changelog's actor. */
export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext): Actor => actorOf(tokenOf(context)));
