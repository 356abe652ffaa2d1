/** A value read from a notice, or why it cannot be used (a message for a `FieldProblem`). */
export type Reading<T> = { value: T } | { problem: string };
