import { Injectable, Optional, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate, type ValidationError } from 'class-validator';
import { BadUserInputError, type FieldProblem } from '../errors/domain-error';

/**
 * Validates every class-typed argument with its class-validator rules and
 * reports all bad fields at once, each with its path from the argument
 * (`input.rules.0.delayMinutes`).
 */
@Injectable()
export class InputValidationPipe implements PipeTransform {
  /** `type`: the input class, for arguments whose TypeScript type is generic (resolver factories). */
  constructor(@Optional() private readonly type?: new () => object) {}

  async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const type = this.type ?? metadata.metatype;
    if (!type || !metadata.data || value === null || value === undefined || isPrimitive(type)) return value;
    const instance = plainToInstance(type, value) as object;
    const errors = await validate(instance, { forbidUnknownValues: false });
    if (errors.length) throw new BadUserInputError(flatten(errors, metadata.data));
    return instance;
  }
}

function flatten(errors: ValidationError[], prefix: string): FieldProblem[] {
  return errors.flatMap((error) => {
    const path = `${prefix}.${error.property}`;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ path, message }));
    return [...own, ...flatten(error.children ?? [], path)];
  });
}

const PRIMITIVES = new Set<unknown>([String, Boolean, Number, Array, Object, Date]);

function isPrimitive(type: unknown): boolean {
  return PRIMITIVES.has(type);
}
