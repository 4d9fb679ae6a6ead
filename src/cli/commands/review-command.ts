import { userInfo } from "node:os";
import type { Command } from "commander";
import {
  AppError,
  type DecisionFilter,
  type DecisionHistoryItem,
  decideHit,
  decidePair,
  type OpenHit,
  openHits,
  type ReviewDecision,
  reviewHistory,
} from "../../app/index.ts";
import { cliPrincipal } from "../cli-principal.ts";
import { addGlobalOptions, globalOptions } from "../global-options.ts";
import { formatTable, printJson, printJsonLine, printLine } from "../output.ts";
import { withStore } from "../with-store.ts";

interface PairFlags {
  readonly party?: string;
  readonly location?: string;
  readonly entry?: string;
}

interface DecisionFlags extends PairFlags {
  readonly reason: string;
  readonly user?: string;
}

/** `--party` or `--location` (not both), as a decision's subject. */
function subjectOf(flags: PairFlags): DecisionFilter["subject"] {
  if (flags.party !== undefined && flags.location !== undefined)
    throw new AppError("usage", "give --party or --location, not both");
  if (flags.party !== undefined) return { kind: "party", id: flags.party };
  if (flags.location !== undefined) return { kind: "location", id: flags.location };
  return undefined;
}

/** `--user`, else $USER, else the account running the command. */
function reviewer(flag: string | undefined): string {
  if (flag?.trim()) return flag.trim();
  if (process.env.USER?.trim()) return process.env.USER.trim();
  try {
    return userInfo().username;
  } catch {
    // No passwd entry for this uid (some containers): say so rather than invent a name.
    return "unknown";
  }
}

function stateOf(h: OpenHit): string {
  const d = h.review.decision;
  if (!d) return h.review.state;
  const decided = `${d.status} by ${d.user} ${d.decidedAt.slice(0, 10)}: ${d.reason}`;
  // A re-opened hit shows the decision its changed list entry no longer carries.
  return h.review.state === "reopened" ? `reopened, was ${decided}` : decided;
}

function printHits(hits: readonly OpenHit[]): void {
  const rows = hits.map((h) => [
    h.hit,
    stateOf(h),
    `${h.subject.kind} ${h.subject.name}`,
    `${h.entity.name} (${h.entity.list} ${h.entity.section ?? ""})`.replace(" )", ")"),
    `${h.via} ${h.score.toFixed(2)}`,
  ]);
  printLine(formatTable(["hit", "state", "subject", "list entry", "route"], rows));
  const open = hits.filter((h) => h.review.state === "open" || h.review.state === "reopened").length;
  printLine(`\n${open} hits await a decision: threadproof review confirm|dismiss HIT --reason "…"`);
}

function registerDecision(review: Command, status: ReviewDecision["status"], what: string): void {
  addGlobalOptions(
    review
      .command(status === "confirmed" ? "confirm" : "dismiss")
      .description(what)
      .argument(
        "[hit]",
        "the hit id `screen` and `review` print (hit-…); or name the pair with --party/--location and --entry",
      )
      .requiredOption("--reason <text>", "why: kept with the decision")
      .option("--user <name>", "who decides (default: $USER)")
      .option("--party <id>", "decide this party against --entry, whether or not it is a hit")
      .option("--location <id>", "decide this location against --entry, whether or not it is a hit")
      .option("--entry <id>", "the list entry of the pair (an id `check --json` and `lists show` print)"),
  ).action(async (hit: string | undefined, flags: DecisionFlags, command: Command) => {
    const options = globalOptions(command);
    const subject = subjectOf(flags);
    if (hit !== undefined && (subject !== undefined || flags.entry !== undefined))
      throw new AppError("usage", "give a hit id, or --party/--location with --entry, not both");
    if (hit === undefined && subject === undefined)
      throw new AppError(
        "usage",
        "give a hit id (see `threadproof review`), or --party/--location with --entry",
      );
    if (subject !== undefined && flags.entry === undefined)
      throw new AppError(
        "usage",
        `--${subject.kind} needs --entry: the list entry the ${subject.kind} is or is not`,
      );
    const user = reviewer(flags.user);
    const decided = { status, reason: flags.reason, user, actor: cliPrincipal(user) };
    const decision = await withStore(options, (store) =>
      subject !== undefined && flags.entry !== undefined
        ? decidePair(store, { ...decided, subject, entryId: flags.entry })
        : decideHit(store, { ...decided, hit: hit ?? "" }),
    );
    if (options.json) printJson(decision);
    else
      printLine(
        `${hit ?? decision.hitKey} ${decision.status} by ${decision.user} at ${decision.decidedAt}: ${decision.reason}`,
      );
  });
}

function stateInHistory(d: DecisionHistoryItem): string {
  if (!d.current) return `superseded ${d.supersededAt?.slice(0, 10) ?? ""}`.trim();
  return d.reopened ? "current, re-opened (list entry changed)" : "current";
}

function printHistory(items: readonly DecisionHistoryItem[]): void {
  const rows = items.map((d) => [
    d.decidedAt.replace("T", " ").slice(0, 19),
    d.hit,
    d.subjectName
      ? `${d.subject.kind} ${d.subjectName} (${d.subject.id})`
      : `${d.subject.kind} ${d.subject.id}`,
    d.entryName ? `${d.entryName} (${d.entryId})` : d.entryId,
    `${d.status}${d.decidedOn === "pair" ? " (pair)" : ""}`,
    d.user,
    d.reason,
    d.listVersion === undefined ? "-" : String(d.listVersion),
    stateInHistory(d),
  ]);
  printLine(
    formatTable(
      ["decided at", "hit", "subject", "list entry", "decision", "by", "reason", "list version", "state"],
      rows,
    ),
  );
  printLine(`\n${items.length} decisions, ${items.filter((d) => d.current).length} current`);
}

function registerHistory(review: Command): void {
  addGlobalOptions(
    review
      .command("history")
      .description("every review decision, oldest first: who decided what, when, why, and which is current")
      .option("--party <id>", "decisions on this party")
      .option("--location <id>", "decisions on this location")
      .option("--entry <id>", "decisions on this list entry"),
  ).action(async (flags: PairFlags, command: Command) => {
    const options = globalOptions(command);
    const subject = subjectOf(flags);
    const filter: DecisionFilter = {
      ...(subject === undefined ? {} : { subject }),
      ...(flags.entry === undefined ? {} : { entryId: flags.entry }),
    };
    const items = await withStore(options, (store) => reviewHistory(store, filter));
    if (options.json) for (const d of items) printJsonLine(d);
    else printHistory(items);
  });
}

export function registerReview(program: Command): void {
  const review = addGlobalOptions(
    program
      .command("review")
      .description("screening hits awaiting a decision (open, or re-opened by a changed list entry)")
      .option("--all", "decided hits too, with their decisions"),
  ).action(async (flags: { all?: boolean }, command: Command) => {
    const options = globalOptions(command);
    const hits = await withStore(options, (store) => openHits(store, flags.all ? { all: true } : {}));
    if (options.json) for (const h of hits) printJsonLine(h);
    else printHits(hits);
  });
  registerDecision(review, "confirmed", "confirm a hit: the subject is the listed entity");
  registerDecision(review, "dismissed", "dismiss a hit: the subject is not the listed entity");
  registerHistory(review);
}
