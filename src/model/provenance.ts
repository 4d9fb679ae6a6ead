/**
 * Where a fact came from, so every report can cite it: the source (file name or URL) and a
 * locator inside it ("line 12", "row 7", "event 3 (eventID ni:///…)", "entity abc123").
 */
export interface Provenance {
  readonly source: string;
  readonly locator: string;
}

export function provenance(source: string, locator: string): Provenance {
  return { source, locator };
}

export function describeProvenance(p: Provenance): string {
  return `${p.source}, ${p.locator}`;
}
