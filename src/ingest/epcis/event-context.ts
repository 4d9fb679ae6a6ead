import type { Issue, Provenance } from "../../model/index.ts";
import { issue, provenance } from "../../model/index.ts";

/** Where one event sits in its file, and how to report about it. */
export interface EventContext {
  readonly source: string;
  /** 1-based position in the event list. */
  readonly index: number;
  /** Line of the event's start tag (XML only). */
  readonly line?: number;
  /** Prefix → namespace URI declared in the document (JSON-LD inline contexts, XML xmlns). */
  readonly namespaces: Readonly<Record<string, string>>;
  readonly format: "json" | "xml";
}

export function eventLocator(ctx: EventContext, declaredId?: string): string {
  const where = ctx.line === undefined ? "" : `line ${ctx.line}, `;
  return `${where}event ${ctx.index}${declaredId ? ` (eventID ${declaredId})` : ""}`;
}

export function eventProvenance(ctx: EventContext, declaredId?: string): Provenance {
  return provenance(ctx.source, eventLocator(ctx, declaredId));
}

/** Collects the issues of one event; every one names the event and the field. */
export class EventIssues {
  readonly list: Issue[] = [];
  private nonBlockingCount = 0;
  constructor(
    private readonly ctx: EventContext,
    private readonly declaredId: string | undefined,
  ) {}

  error(code: string, path: string, message: string): void {
    this.list.push(issue(code, eventProvenance(this.ctx, this.declaredId), path, message));
  }

  /** An error that does not make the event unusable (its content is unambiguous): reported, event kept. */
  nonBlocking(code: string, path: string, message: string): void {
    this.list.push(issue(code, eventProvenance(this.ctx, this.declaredId), path, message));
    this.nonBlockingCount++;
  }

  warning(code: string, path: string, message: string): void {
    this.list.push(issue(code, eventProvenance(this.ctx, this.declaredId), path, message, "warning"));
  }

  get hasErrors(): boolean {
    if (this.list.length === 0) return false;
    return this.list.filter((i) => i.severity === "error").length > this.nonBlockingCount;
  }
}
