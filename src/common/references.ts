import { applyDecorators } from '@nestjs/common';
import { JoinColumn, ManyToOne, type ObjectType, type RelationOptions } from 'typeorm';

/**
 * A many-to-one relation through a named column and a named foreign key —
 * how every table of Hush points at another (the names are the migrations').
 * `inverse` names the other side's collection, where it has one.
 */
export function References<T>(
  target: string | (() => ObjectType<T>),
  column: string,
  constraint: string,
  onDelete: NonNullable<RelationOptions['onDelete']>,
  inverse?: (other: T) => unknown,
): PropertyDecorator {
  return applyDecorators(
    inverse ? ManyToOne(target, inverse, { onDelete }) : ManyToOne(target, { onDelete }),
    JoinColumn({ name: column, foreignKeyConstraintName: constraint }),
  );
}
