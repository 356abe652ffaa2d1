import { Kind, parse, type OperationDefinitionNode } from 'graphql';
import { sheddable } from '../shed-load.plugin';

/** Whether the (first) operation of a document may be refused while overloaded. */
function shed(source: string): boolean {
  const document = parse(source);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  return sheddable(operation, document);
}

describe('what an overloaded replica refuses', () => {
  it('keeps decisions however they are written: aliases, fragments, inline fragments, __typename', () => {
    expect(shed('{ suppression(target: { serviceId: "x" }) { suppressed } }')).toBe(false);
    expect(shed('{ a: suppression(target: {}) { suppressed } b: suppressions(targets: []) { suppressed } __typename }')).toBe(false);
    expect(shed('{ ... on Query { suppression(target: {}) { suppressed } } }')).toBe(false);
    expect(
      shed('query { ...D } fragment D on Query { suppressions(targets: []) { suppressed } ...E } fragment E on Query { __typename }'),
    ).toBe(false);
  });

  it('refuses any query that asks for more, however it is hidden', () => {
    expect(shed('{ calendar(from: "a", to: "b") { id } }')).toBe(true);
    expect(shed('{ suppression: calendar(from: "a", to: "b") { id } }')).toBe(true);
    expect(shed('{ suppression(target: {}) { suppressed } services { totalCount } }')).toBe(true);
    expect(shed('{ ... on Query { services { totalCount } } }')).toBe(true);
    expect(shed('query { ...D } fragment D on Query { ...D services { totalCount } }')).toBe(true);
  });

  it('never refuses a mutation', () => {
    expect(shed('mutation { createService(input: {}) { id } }')).toBe(false);
  });
});
