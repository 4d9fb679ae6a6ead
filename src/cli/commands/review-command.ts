import { userInfo } from "node:os";
import type { Command } from "commander";
import { decideHit, type OpenHit, openHits, type ReviewDecision } from "../../app/index.ts";
import { cliPrincipal } from "../cli-principal.ts";
import { addGlobalOptions, globalOptions } from "../global-options.ts";
import { formatTable, printJson, printJsonLine, printLine } from "../output.ts";
import { withStore } from "../with-store.ts";

interface DecisionFlags {
  readonly reason: string;
  readonly user?: string;
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
      .argument("<hit>", "the hit id `screen` and `review` print (hit-…)")
      .requiredOption("--reason <text>", "why: kept with the decision")
      .option("--user <name>", "who decides (default: $USER)"),
  ).action(async (hit: string, flags: DecisionFlags, command: Command) => {
    const options = globalOptions(command);
    const decision = await withStore(options, (store) =>
      decideHit(store, {
        hit,
        status,
        reason: flags.reason,
        user: reviewer(flags.user),
        actor: cliPrincipal(reviewer(flags.user)),
      }),
    );
    if (options.json) printJson(decision);
    else
      printLine(`${hit} ${decision.status} by ${decision.user} at ${decision.decidedAt}: ${decision.reason}`);
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
}
