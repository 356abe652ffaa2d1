import type { Request } from 'express';
import type { ApiToken } from '../auth/api-token.entity';
import { LoaderRegistry } from '../loaders/loader-registry';

/** What every resolver sees as its GraphQL context; one per HTTP request or subscription. */
export interface RequestContext {
  req?: Request;
  /** graphql-ws / subscriptions-transport-ws connection params. */
  connectionParams?: Record<string, unknown>;
  /** Set by the auth guard once the bearer token is checked. */
  token?: ApiToken;
  /**
   * For HTTP requests (set by HttpOperationChecks): the token, checked as the guard does, for refusals made
   * before the guard runs. WebSocket connections are authenticated when they open.
   */
  requireToken?: () => Promise<ApiToken>;
  loaders: LoaderRegistry;
}
