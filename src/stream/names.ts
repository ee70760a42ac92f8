// The names a streamed report fills in at the end, once every document has been seen: the corpus-wide name (and
// kind) of each entity, as applyCanonicalNames and the config's aliases give them in a report built in memory.
import { aliasLookup, type Aliases } from '../merge/adjust.js';
import { type CorpusEntity, entityKey } from '../merge/canonical.js';
import type { Claim, EntityKind, Mention } from '../model/report.js';

const KINDS: EntityKind[] = ['organization', 'person', 'place'];

export class Names {
  readonly rename: (name: string) => string;
  /** Whether any alias is set (else rename is the identity). */
  readonly renames: boolean;

  constructor(
    private readonly corpus: Map<string, CorpusEntity>,
    aliases: Aliases | undefined,
  ) {
    this.renames = aliases !== undefined && Object.keys(aliases).length > 0;
    this.rename = this.renames ? aliasLookup(aliases!) : (name) => name;
  }

  /** An entity mention's kind and name in the report: the corpus-wide entity of its aliased name, aliased again. */
  entity(kind: EntityKind, name: string): CorpusEntity {
    const aliased = this.rename(name);
    const found = this.corpus.get(entityKey(kind, aliased));
    return found ? { kind: found.kind, canonical: this.rename(found.canonical) } : { kind, canonical: this.rename(aliased) };
  }

  /** A name whose kind is not known (a speaker, a role's organisation), looked up as applyCanonicalNames does. */
  private lookup(name: string): string | null {
    for (const k of KINDS) {
      const found = this.corpus.get(entityKey(k, name));
      if (found) return found.canonical;
    }
    return null;
  }

  speaker(name: string): string {
    const aliased = this.rename(name);
    return this.rename(this.lookup(aliased) ?? aliased);
  }

  /** A role's organisation (claims are not aliased). */
  org(name: string): string {
    return this.lookup(name) ?? name;
  }

  /** A fact item's subject name: the corpus-wide name (aliases are applied to the fact's subject afterwards). */
  subject(kind: EntityKind, name: string): string {
    const aliased = this.rename(name);
    return this.corpus.get(entityKey(kind, aliased))?.canonical ?? aliased;
  }

  mention(m: Mention): Mention {
    if (m.kind === 'person' || m.kind === 'organization' || m.kind === 'place') {
      const e = this.entity(m.kind, m.value.canonical);
      return { ...m, kind: e.kind, value: { canonical: e.canonical } } as Mention;
    }
    if (m.kind === 'quote' && m.value.speakerCanonical) return { ...m, value: { ...m.value, speakerCanonical: this.speaker(m.value.speakerCanonical) } };
    return m;
  }

  claim<C extends Mention | Claim>(c: C): C {
    return c.kind === 'role' && c.value.org ? { ...c, value: { ...c.value, org: this.org(c.value.org) } } : c;
  }
}
