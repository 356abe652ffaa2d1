/**
 * Adds the method `name` to a class whose methods are declared as a table
 * (one per row), with the parameter decorators and the method decorator a
 * written method would carry.
 */
export function declareMethod(
  target: abstract new (...args: never[]) => unknown,
  name: string,
  body: (...args: never[]) => unknown,
  parameters: readonly ParameterDecorator[],
  decorator: MethodDecorator,
): void {
  const prototype = target.prototype as object;
  Object.defineProperty(prototype, name, { value: body, writable: true, configurable: true });
  // What a compiled method would carry: Nest reads the parameters' types to build the arguments.
  const types = parameters.map(() => Object);
  Reflect.defineMetadata('design:paramtypes', types, prototype, name);
  parameters.forEach((parameter, index) => parameter(prototype, name, index));
  decorator(prototype, name, Object.getOwnPropertyDescriptor(prototype, name)!);
}
