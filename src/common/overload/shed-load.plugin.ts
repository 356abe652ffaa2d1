import { Plugin } from '@nestjs/apollo';
import {
  GraphQLError,
  Kind,
  OperationTypeNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { OverloadMonitor } from './overload-monitor';

/**
 * The queries alert pipelines ask: answered from memory, and never shed. (A
 * `suppressions` of 1,000 targets naming each reason's targets reads names
 * from the database; it is still what the pipelines need first.)
 */
const DECISIONS = new Set(['suppression', 'suppressions', '__typename']);

/** Whether a selection at the root asks only for decisions, through fragments too (each fragment looked into once). */
function onlyDecisions(set: SelectionSetNode, fragments: Map<string, FragmentDefinitionNode>, seen = new Set<string>()): boolean {
  return set.selections.every((s) => {
    if (s.kind === Kind.FIELD) return DECISIONS.has(s.name.value);
    if (s.kind === Kind.INLINE_FRAGMENT) return onlyDecisions(s.selectionSet, fragments, seen);
    const fragment = fragments.get(s.name.value);
    if (!fragment || seen.has(s.name.value)) return !!fragment;
    seen.add(s.name.value);
    return onlyDecisions(fragment.selectionSet, fragments, seen);
  });
}

/** Whether an operation may be refused while overloaded: a query that asks for anything but decisions. */
export function sheddable(operation: OperationDefinitionNode, document: DocumentNode): boolean {
  if (operation.operation !== OperationTypeNode.QUERY) return false;
  const fragments = new Map(document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d] as const));
  return !onlyDecisions(operation.selectionSet, fragments);
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
      async didResolveOperation({ operation, document }: { operation: OperationDefinitionNode; document: DocumentNode }) {
        if (sheddable(operation, document) && monitor.refuses()) throw overloadedError();
      },
    };
  }
}
