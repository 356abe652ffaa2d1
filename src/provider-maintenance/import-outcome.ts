/** What one maintenance of an imported notice became. */
export enum ImportOutcome {
  CREATED = 'CREATED',
  UPDATED = 'UPDATED',
  UNCHANGED = 'UNCHANGED',
  IGNORED_OLDER = 'IGNORED_OLDER',
}
