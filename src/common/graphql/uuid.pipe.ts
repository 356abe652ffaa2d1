import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { BadUserInputError } from '../errors/domain-error';

/** Ids are UUIDs: anything else is bad input naming the argument, not a database error. */
@Injectable()
export class UuidPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    const check = (id: unknown, path: string) => {
      if (typeof id !== 'string' || !isUUID(id)) throw BadUserInputError.field(path, 'must be a UUID');
    };
    if (Array.isArray(value)) value.forEach((id, i) => check(id, `${metadata.data}.${i}`));
    else if (value !== null && value !== undefined) check(value, metadata.data ?? 'id');
    return value;
  }
}
