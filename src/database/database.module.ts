import { Global, Inject, Logger, Module, type OnModuleInit } from '@nestjs/common';
import { TypeOrmModule, getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { HushConfig } from '../config/config';
import { dataSourceOptions, closeDataSource } from './data-source-options';
import { migrate } from './migrate';
import { NotificationBus } from './notification-bus';
import { QueryCounter, TypeOrmLogger } from './query-logger';

@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [HushConfig, QueryCounter],
      useFactory: (config: HushConfig, counter: QueryCounter) => ({
        ...dataSourceOptions(config),
        // Each module registers its own entities (TypeOrmModule.forFeature).
        autoLoadEntities: true,
        logger: new TypeOrmLogger(counter),
        maxQueryExecutionTime: 500,
      }),
    }),
  ],
  providers: [QueryCounter, NotificationBus],
  exports: [QueryCounter, NotificationBus],
})
export class DatabaseModule implements OnModuleInit {
  private readonly logger = new Logger('Database');

  constructor(
    @Inject(getDataSourceToken()) private readonly dataSource: DataSource,
    private readonly bus: NotificationBus,
  ) {}

  async onModuleInit() {
    const applied = await migrate(this.dataSource);
    for (const m of applied) this.logger.log(`applied migration ${m.name}`);
  }

  /** After the pool, PGlite itself must be closed so its files are flushed. */
  async onApplicationShutdown() {
    await this.bus.close();
    await closeDataSource(this.dataSource);
  }
}
