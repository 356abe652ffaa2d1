import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Module, type MiddlewareConsumer, type NestModule, RequestMethod } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import type { Request } from 'express';
import type { GraphQLError } from 'graphql';
import { HushConfig } from '../../config/config';
import { createErrorFormatter } from '../errors/format-error';
import { LoaderRegistry } from '../loaders/loader-registry';
import { ROOT_LOGGER } from '../logging/logging.module';
import type { Logger } from 'pino';
import { DateTimeScalar } from '../scalars/scalars';
import { IdeMiddleware } from './ide.middleware';
import { guardInputs } from './input-guard';
import type { RequestContext } from './request-context';
import { SubscriptionServer, SubscriptionsModule } from './subscription-server';
import { TOKEN_LIMITS, tokenLimitPlugin } from './token-limit';

/** What the context factory gets from Apollo: the HTTP request. */
interface HttpContext {
  req?: Request;
}

@Module({
  imports: [
    GraphQLModule.forRootAsync<ApolloDriverConfig>({
      driver: ApolloDriver,
      imports: [SubscriptionsModule],
      inject: [HushConfig, ROOT_LOGGER, SubscriptionServer],
      useFactory: async (config: HushConfig, logger: Logger, subscriptions: SubscriptionServer): Promise<ApolloDriverConfig> => {
        // Imported here, not at the top: a second copy of Apollo's types would otherwise clash with Nest's.
        const { ApolloArmor } = await import('@escape.tech/graphql-armor');
        // Hush sets no cache hints; left on, the cache-control plugin wraps every field's resolver on every request.
        const { ApolloServerPluginCacheControlDisabled } = await import('@apollo/server/plugin/disabled');
        const armor = new ApolloArmor({
          maxDepth: { n: config.HUSH_GRAPHQL_MAX_DEPTH },
          costLimit: { maxCost: config.HUSH_GRAPHQL_MAX_COST },
          maxAliases: { n: config.HUSH_GRAPHQL_MAX_ALIASES },
          maxDirectives: { n: 50 },
          // Tokens are counted by token-limit.ts instead: values written inline have their own budget.
          maxTokens: { enabled: false },
          blockFieldSuggestion: { enabled: config.production },
        }).protect();
        const formatError = createErrorFormatter(logger);
        const formatAll = (errors: readonly GraphQLError[]) => errors.map((e) => formatError(e.toJSON(), e));
        const validationRules = [...armor.validationRules];
        // WebSocket operations (both protocols, see subscription-server.ts) get the same limits, errors and context.
        subscriptions.configure({
          path: '/graphql',
          validationRules,
          tokenLimits: TOKEN_LIMITS,
          introspection: config.introspectionEnabled,
          hideSuggestions: config.production,
          formatErrors: formatAll,
          context: (connectionParams): RequestContext => ({ connectionParams, loaders: new LoaderRegistry() }),
        });
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
          plugins: [
            ApolloServerPluginCacheControlDisabled(),
            ...armor.plugins,
            tokenLimitPlugin(TOKEN_LIMITS),
          ] as ApolloDriverConfig['plugins'],
          validationRules,
          // No `subscriptions`: Nest's server speaks graphql-ws only; SubscriptionServer serves both protocols.
          context: (ctx: HttpContext): RequestContext => ({ req: ctx.req, loaders: new LoaderRegistry() }),
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
