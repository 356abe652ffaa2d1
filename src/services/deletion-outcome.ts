/** What deleting a maintenance window did: removed one not yet started, or ended an ongoing one now. */
export enum DeletionOutcome {
  DELETED = 'DELETED',
  ENDED = 'ENDED',
}
