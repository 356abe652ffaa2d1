import { Plugin } from '@nestjs/apollo';
import { GraphQLError, Kind, OperationTypeNode, type OperationDefinitionNode } from 'graphql';
import { OverloadMonitor } from './overload-monitor';

/** The queries alert pipelines ask: answered from memory in well under a millisecond, and never shed. */
const DECISIONS = new Set(['suppression', 'suppressions', '__typename']);

/** Whether an operation may be refused while overloaded: a query that asks for anything but decisions. */
export function sheddable(operation: OperationDefinitionNode): boolean {
  return (
    operation.operation === OperationTypeNode.QUERY &&
    !operation.selectionSet.selections.every((s) => s.kind === Kind.FIELD && DECISIONS.has(s.name.value))
  );
}

/** The answer to work refused while overloaded: HTTP 503, try again in a second. */
export function overloadedError(): GraphQLError {
  return new GraphQLError('Hush is overloaded: only suppression decisions and writes are served right now; retry shortly', {
    extensions: { code: 'OVERLOADED', http: { status: 503, headers: new Map([['retry-after', '1']]) } },
  });
}

/**
 * While the replica is overloaded (OverloadMonitor), reading queries other
 * than decisions — the calendar, lists — are refused at once with OVERLOADED
 * instead of queueing: they cost the most CPU, and the people behind them
 * can retry, while the alert pipelines asking for decisions and the writes
 * (events, new windows) keep being answered instead of all timing out.
 */
@Plugin()
export class ShedLoad {
  constructor(private readonly monitor: OverloadMonitor) {}

  async requestDidStart() {
    const monitor = this.monitor;
    return {
      async didResolveOperation({ operation }: { operation: OperationDefinitionNode }) {
        if (monitor.overloaded && sheddable(operation)) throw overloadedError();
      },
    };
  }
}
