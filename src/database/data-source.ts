import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfig } from '../config/config';
import { ENTITIES } from '../entities';
import { dataSourceOptions } from './data-source-options';

/** The DataSource the migration scripts use; Nest builds its own from the same options. */
export function createDataSource(config = loadConfig()): DataSource {
  return new DataSource(dataSourceOptions(config, ENTITIES));
}
