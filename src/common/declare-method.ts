import type { Type } from '@nestjs/common';

/**
 * Adds the method `name` to a class whose methods are declared as a table
 * (one per row), with the parameter decorators and the method decorator a
 * written method would carry. Each parameter comes with the type TypeScript
 * would record for it (`String` for an id, `Object` for an interface or a
 * generic): Nest reads those types to choose how each argument is validated.
 */
export function declareMethod(
  target: abstract new (...args: never[]) => unknown,
  name: string,
  body: (...args: never[]) => unknown,
  parameters: readonly (readonly [type: Type<unknown>, decorator: ParameterDecorator])[],
  decorator: MethodDecorator,
): void {
  const prototype = target.prototype as object;
  Object.defineProperty(prototype, name, { value: body, writable: true, configurable: true });
  Reflect.defineMetadata(
    'design:paramtypes',
    parameters.map(([type]) => type),
    prototype,
    name,
  );
  parameters.forEach(([, parameter], index) => parameter(prototype, name, index));
  decorator(prototype, name, Object.getOwnPropertyDescriptor(prototype, name)!);
}
