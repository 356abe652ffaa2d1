import { Plugin } from '@nestjs/apollo';
import { GraphQLError, Kind, OperationTypeNode, type DocumentNode, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';
import { AuthService } from '../auth/auth.service';
import { requireRequestToken } from '../auth/request-token';
import { DomainError } from '../errors/domain-error';
import type { RequestContext } from './request-context';

const SCHEMA_FIELDS = new Set(['__schema', '__type']);

function selectsSchema(set: SelectionSetNode | undefined): boolean {
  return !!set?.selections.some((s) =>
    s.kind === Kind.FIELD
      ? SCHEMA_FIELDS.has(s.name.value) || selectsSchema(s.selectionSet)
      : s.kind === Kind.INLINE_FRAGMENT && selectsSchema(s.selectionSet),
  );
}

/** Whether an operation (or a fragment it may spread) reads the schema through `__schema` or `__type`. */
export function asksForIntrospection(document: DocumentNode): boolean {
  return document.definitions.some((d) => 'selectionSet' in d && selectsSchema(d.selectionSet));
}

/**
 * An Apollo plugin (Nest finds it by `@Plugin()`) for what HTTP operations
 * need before they run:
 *
 * - each request's context gets `requireToken`, which the input guard calls
 *   before it refuses bad arguments, so a caller without a token learns only
 *   UNAUTHENTICATED;
 * - a subscription sent over HTTP would run its resolver with no event and
 *   fail inside: refused with GRAPHQL_VALIDATION_FAILED and HTTP 400;
 * - introspection resolves inside graphql-js, past the resolvers' guard: it
 *   needs a live VIEWER token like every query, else UNAUTHENTICATED (HTTP
 *   401), or FORBIDDEN (403) for a CALENDAR token.
 */
@Plugin()
export class HttpOperationChecks {
  constructor(private readonly auth: AuthService) {}

  async requestDidStart({ contextValue }: { contextValue: RequestContext }) {
    contextValue.requireToken = () => requireRequestToken(this.auth, contextValue);
    return {
      async didResolveOperation({ operation, document }: { operation: OperationDefinitionNode; document: DocumentNode }) {
        if (operation.operation === OperationTypeNode.SUBSCRIPTION) {
          throw new GraphQLError('Subscriptions are served over WebSocket (graphql-ws) on /graphql, not over HTTP', {
            extensions: { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } },
          });
        }
        if (!asksForIntrospection(document)) return;
        try {
          await contextValue.requireToken!();
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
          const status = error.code === 'FORBIDDEN' ? 403 : 401;
          throw new GraphQLError(error.message, { originalError: error, extensions: { http: { status } } });
        }
      },
    };
  }
}
