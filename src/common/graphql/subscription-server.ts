import { Injectable, Logger, Module, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { HttpAdapterHost, ModuleRef } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import {
  getOperationAST,
  GraphQLError,
  NoSchemaIntrospectionCustomRule,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type GraphQLFormattedError,
  type GraphQLSchema,
  type ValidationRule,
} from 'graphql';
import { GRAPHQL_TRANSPORT_WS_PROTOCOL } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { AuthModule } from '../auth/auth.module';
import { AuthService } from '../auth/auth.service';
import { Role, roleAllows } from '../auth/role';
import { connectionAuth, secretFromHeader } from '../auth/secret';
import { ShutdownModule } from '../shutdown/shutdown.module';
import { SubscriptionSockets } from '../shutdown/graceful-shutdown';
import { LEGACY_PROTOCOL, useLegacyServer, type OperationPayload } from './legacy-ws-server';
import { documentProblem, type TokenLimits } from './token-limit';

/** What operations over a socket share with those over HTTP; handed over by the GraphQL module's factory. */
export interface SocketOperationRules {
  path: string;
  /** Validation rules beyond graphql's own (depth, cost, aliases…), the same list Apollo applies. */
  validationRules: readonly ValidationRule[];
  /** The most tokens a document may have (token-limit.ts). */
  tokenLimits: TokenLimits;
  introspection: boolean;
  /** Hide "Did you mean …" in validation messages, as over HTTP in production. */
  hideSuggestions: boolean;
  formatErrors(errors: readonly GraphQLError[]): GraphQLFormattedError[];
  context(connectionParams: Record<string, unknown>): unknown;
}

/** The subprotocols a WebSocket upgrade offers. */
function offered(header: string | string[] | undefined): string[] {
  return (Array.isArray(header) ? header.join(',') : (header ?? '')).split(',').map((p) => p.trim());
}

/**
 * GraphQL over WebSocket on `/graphql`, in both protocols clients speak, chosen by the subprotocol the
 * client offers: `graphql-transport-ws` (the graphql-ws library: GraphiQL, Apollo Client 3, urql…) and the
 * legacy `graphql-ws` of subscriptions-transport-ws (GraphQL Playground, older Apollo clients). Both
 * authenticate the connection params' token, apply the HTTP limits to every operation, run on the same
 * schema and context, and are closed with 1001 at shutdown.
 */
@Injectable()
export class SubscriptionServer implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Subscriptions');
  private rules?: SocketOperationRules;
  private readonly disposers: (() => Promise<void>)[] = [];

  constructor(
    private readonly auth: AuthService,
    private readonly sockets: SubscriptionSockets,
    private readonly moduleRef: ModuleRef,
  ) {}

  configure(rules: SocketOperationRules) {
    this.rules = rules;
  }

  onApplicationBootstrap() {
    const httpServer = this.moduleRef.get(HttpAdapterHost, { strict: false })?.httpAdapter?.getHttpServer() as Server | undefined;
    if (!this.rules || !httpServer) return;
    const rules = this.rules;
    const schema = this.moduleRef.get(GraphQLSchemaHost, { strict: false }).schema;
    const check = (payload: OperationPayload) => this.check(schema, rules, payload);

    const modern = new WebSocketServer({ noServer: true });
    const graphqlWs = useServer(
      {
        schema,
        onConnect: (ctx) => this.authorize(ctx.connectionParams),
        onSubscribe: (ctx, _id, payload) => {
          const checked = check(payload);
          if (Array.isArray(checked)) return checked;
          return {
            schema,
            document: checked,
            operationName: payload.operationName,
            variableValues: payload.variables,
            contextValue: rules.context(ctx.connectionParams ?? {}),
          };
        },
        onError: (_ctx, _id, _payload, errors) => rules.formatErrors(errors),
        onNext: (_ctx, _id, _payload, _args, result) => (result.errors ? { ...result, errors: rules.formatErrors(result.errors) } : result),
      },
      modern,
    );
    const legacy = new WebSocketServer({
      noServer: true,
      handleProtocols: (protocols) => (protocols.has(LEGACY_PROTOCOL) ? LEGACY_PROTOCOL : false),
    });
    const legacyServer = useLegacyServer(
      {
        schema,
        onConnect: (params) => this.authorize(params),
        check,
        context: (params) => rules.context(params),
        formatErrors: (errors) => rules.formatErrors(errors),
      },
      legacy,
    );
    this.disposers.push(
      async () => graphqlWs.dispose(),
      () => legacyServer.dispose(),
    );

    const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      const path = (req.url ?? '').split('?')[0].replace(/\/+$/, '');
      if (path !== rules.path) {
        // Nothing else here takes WebSockets; one listener more would answer for its own paths.
        if (httpServer.listenerCount('upgrade') === 1) socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
        return;
      }
      const protocols = offered(req.headers['sec-websocket-protocol']);
      // graphql-ws answers a socket that offers neither with 4406, as before.
      const wss = !protocols.includes(GRAPHQL_TRANSPORT_WS_PROTOCOL) && protocols.includes(LEGACY_PROTOCOL) ? legacy : modern;
      wss.handleUpgrade(req, socket, head, (ws: WebSocket) => {
        // Kept so shutdown can close it with 1001; closed with 1001 instead once shutdown has begun.
        if (this.sockets.admit(ws)) wss.emit('connection', ws, req);
      });
    };
    httpServer.on('upgrade', onUpgrade);
    this.disposers.push(async () => void httpServer.off('upgrade', onUpgrade));
  }

  async onModuleDestroy() {
    const disposers = this.disposers.splice(0);
    await Promise.all(disposers.map((dispose) => dispose().catch((e: unknown) => this.logger.warn(`closing sockets: ${String(e)}`))));
  }

  /**
   * A connection is accepted only with a live token in its params (`authorization: Bearer …`) that may
   * query (not a feed-only CALENDAR token); each operation is then guarded by its role as over HTTP.
   */
  private async authorize(params: Readonly<Record<string, unknown>> | undefined): Promise<boolean> {
    const secret = secretFromHeader(connectionAuth(params));
    const token = secret === null ? null : await this.auth.authenticate(secret);
    return token !== null && roleAllows(token.role, Role.VIEWER);
  }

  /** Parse (with the token limits) and validate (with the limits Apollo applies over HTTP). */
  private check(schema: GraphQLSchema, rules: SocketOperationRules, payload: OperationPayload): DocumentNode | GraphQLError[] {
    if (typeof payload.query !== 'string') return [new GraphQLError('The operation must have a query string')];
    const problem = documentProblem(payload.query, rules.tokenLimits);
    if (problem) return [problem];
    const document = parse(payload.query);
    const validationRules = [
      ...specifiedRules,
      ...rules.validationRules,
      ...(rules.introspection ? [] : [NoSchemaIntrospectionCustomRule]),
    ];
    const errors = validate(schema, document, validationRules);
    if (errors.length) {
      // As Apollo reports them over HTTP: GRAPHQL_VALIDATION_FAILED, even where a rule set another code.
      return errors.map(
        (e) =>
          new GraphQLError(rules.hideSuggestions ? e.message.replace(/Did you mean ".+"/g, '[Suggestion hidden]') : e.message, {
            nodes: e.nodes,
            extensions: { ...e.extensions, code: 'GRAPHQL_VALIDATION_FAILED' },
          }),
      );
    }
    const operationName = typeof payload.operationName === 'string' ? payload.operationName : undefined;
    if (!getOperationAST(document, operationName)) {
      return [new GraphQLError(operationName ? `Unknown operation named "${operationName}".` : 'Must name the operation to run.')];
    }
    return document;
  }
}

/** The subscription server and what it needs: auth for the connection params, the sockets shutdown closes. */
@Module({
  imports: [AuthModule, ShutdownModule],
  providers: [SubscriptionServer],
  exports: [SubscriptionServer],
})
export class SubscriptionsModule {}
