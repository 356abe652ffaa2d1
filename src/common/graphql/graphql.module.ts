import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Module, type MiddlewareConsumer, type NestModule, RequestMethod } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import type { Request } from 'express';
import type { ExecutionResult, GraphQLError, GraphQLFormattedError } from 'graphql';
import { HushConfig } from '../../config/config';
import { AuthModule } from '../auth/auth.module';
import { AuthService } from '../auth/auth.service';
import { connectionAuth, secretFromHeader } from '../auth/secret';
import { createErrorFormatter } from '../errors/format-error';
import { LoaderRegistry } from '../loaders/loader-registry';
import { ROOT_LOGGER } from '../logging/logging.module';
import type { Logger } from 'pino';
import type { WebSocket } from 'ws';
import { DateTimeScalar } from '../scalars/scalars';
import { ShutdownModule } from '../shutdown/shutdown.module';
import { SubscriptionSockets } from '../shutdown/graceful-shutdown';
import { IdeMiddleware } from './ide.middleware';
import { guardInputs } from './input-guard';
import type { RequestContext } from './request-context';

/**
 * graphql-ws sends its own messages, not Apollo's, so its errors are formatted
 * here too. Nest's config type omits these two hooks but passes them on.
 */
function graphqlWsErrorFormatting(formatAll: (errors: readonly GraphQLError[]) => GraphQLFormattedError[]) {
  return {
    onError: (_ctx: unknown, _id: unknown, _payload: unknown, errors: readonly GraphQLError[]) => formatAll(errors),
    onNext: (_ctx: unknown, _id: unknown, _payload: unknown, _args: unknown, result: ExecutionResult) =>
      result.errors ? { ...result, errors: formatAll(result.errors) } : result,
  };
}

/** What the context factory gets: an HTTP request, or a graphql-ws connection's context. */
interface HttpOrWsContext {
  req?: Request;
  connectionParams?: Record<string, unknown>;
}

@Module({
  imports: [
    GraphQLModule.forRootAsync<ApolloDriverConfig>({
      driver: ApolloDriver,
      imports: [AuthModule, ShutdownModule],
      inject: [HushConfig, ROOT_LOGGER, AuthService, SubscriptionSockets],
      useFactory: async (
        config: HushConfig,
        logger: Logger,
        auth: AuthService,
        sockets: SubscriptionSockets,
      ): Promise<ApolloDriverConfig> => {
        // Imported here, not at the top: a second copy of Apollo's types would otherwise clash with Nest's.
        const { ApolloArmor } = await import('@escape.tech/graphql-armor');
        const armor = new ApolloArmor({
          maxDepth: { n: config.HUSH_GRAPHQL_MAX_DEPTH },
          costLimit: { maxCost: config.HUSH_GRAPHQL_MAX_COST },
          maxAliases: { n: config.HUSH_GRAPHQL_MAX_ALIASES },
          maxDirectives: { n: 50 },
          maxTokens: { n: 5000 },
          blockFieldSuggestion: { enabled: config.production },
        }).protect();
        const formatError = createErrorFormatter(logger);
        const formatAll = (errors: readonly GraphQLError[]) => errors.map((e) => formatError(e.toJSON(), e));
        return {
          autoSchemaFile: true,
          sortSchema: true,
          buildSchemaOptions: { dateScalarMode: 'isoDate', scalarsMap: [{ type: Date, scalar: DateTimeScalar }] },
          playground: false,
          introspection: config.introspectionEnabled,
          includeStacktraceInErrorResponses: false,
          allowBatchedHttpRequests: false,
          formatError,
          // Ids, strings, lists, dates and page sizes of every argument, checked before any resolver runs (input-guard.ts).
          transformSchema: guardInputs,
          // Armor is typed against Apollo's CommonJS build and Nest against its ESM one: same classes at run time.
          plugins: armor.plugins as ApolloDriverConfig['plugins'],
          validationRules: [...armor.validationRules],
          subscriptions: {
            'graphql-ws': {
              path: '/graphql',
              // A socket without a live token is closed at once (4403), before any subscription.
              onConnect: async (ctx) => {
                // Kept so shutdown can close it with 1001; refused (closed with 1001) once shutdown has begun.
                if (!sockets.admit((ctx.extra as { socket?: WebSocket }).socket)) return false;
                const secret = secretFromHeader(connectionAuth(ctx.connectionParams));
                return secret !== null && (await auth.authenticate(secret)) !== null;
              },
              ...graphqlWsErrorFormatting(formatAll),
            },
          },
          context: (ctx: HttpOrWsContext): RequestContext => ({
            req: ctx.req,
            connectionParams: ctx.connectionParams,
            loaders: new LoaderRegistry(),
          }),
        };
      },
    }),
  ],
  providers: [IdeMiddleware],
})
export class HushGraphQLModule implements NestModule {
  constructor(private readonly config: HushConfig) {}

  configure(consumer: MiddlewareConsumer) {
    if (this.config.ideEnabled) {
      consumer
        .apply(IdeMiddleware)
        .forRoutes({ path: 'graphql', method: RequestMethod.GET }, { path: 'graphql/ide/*asset', method: RequestMethod.GET });
    }
  }
}
