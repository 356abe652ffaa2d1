import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { Registry } from '../registry';

/** How one module's objects can be named by another's: which ids exist, and their display names. */
export interface TargetKind {
  /** The display name of each id that exists; absent ids are missing. */
  names(ids: readonly string[]): Promise<Map<string, string>>;
}

/**
 * Modules register the kinds of object others may point at (SERVICE,
 * MONITOR, CIRCUIT…), so a provider impact can check and name a service
 * without the provider-maintenance module importing the services module.
 */
@Injectable()
export class TargetRegistry {
  private readonly kinds = new Registry<{ kind: string; resolver: TargetKind }>('target kind', (k) => k.kind);

  register(kind: string, resolver: TargetKind): void {
    this.kinds.register({ kind, resolver });
  }

  has(kind: string): boolean {
    return this.kinds.find(kind) !== undefined;
  }

  /** Per request: the display name of each id of one kind (the param), null for one that does not exist. */
  readonly nameOf = (kind?: string) =>
    new DataLoader<string, string | null>(async (ids) => {
      const names = await this.names(kind!, ids);
      return ids.map((id) => names.get(id) ?? null);
    });

  /** The index of the first target that does not exist, or -1: one lookup per kind, however long the list. */
  async firstMissing(targets: readonly { type: string; id: string }[]): Promise<number> {
    const existing = new Map<string, Map<string, string>>();
    for (const type of new Set(targets.map((t) => t.type))) {
      existing.set(
        type,
        await this.names(
          type,
          targets.filter((t) => t.type === type).map((t) => t.id),
        ),
      );
    }
    return targets.findIndex((t) => !existing.get(t.type)!.has(t.id));
  }

  /** Display names of the ids of one kind that exist; an unregistered kind knows no ids. */
  async names(kind: string, ids: readonly string[]): Promise<Map<string, string>> {
    const resolver = this.kinds.find(kind)?.resolver;
    if (!resolver || ids.length === 0) return new Map();
    return resolver.names(ids);
  }
}
