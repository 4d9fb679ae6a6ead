import { randomUUID } from "node:crypto";
import type { Issue } from "../model/index.ts";
import { type AppErrorCode, isAppError } from "./errors.ts";

export type JobStatus = "queued" | "running" | "succeeded" | "failed";

/** Why a job failed: the AppError's code, message and issues (the CLI's error report). */
export interface JobFailure {
  readonly code: AppErrorCode;
  readonly message: string;
  readonly issues: readonly Issue[];
}

/** A snapshot of one job; `progress` is whatever the job reports as it runs. */
export interface Job<P, R> {
  /** Random (UUID): knowing one job's id tells nothing about another's. */
  readonly id: string;
  /** The user who submitted it. */
  readonly owner: string;
  readonly status: JobStatus;
  readonly createdAt: string;
  readonly startedAt?: string;
  readonly finishedAt?: string;
  readonly progress: P;
  readonly result?: R;
  readonly error?: JobFailure;
}

export interface JobRegistry<P, R> {
  /** Queues `run`; it starts when every job submitted before it has finished. */
  submit(owner: string, progress: P, run: (report: (progress: P) => void) => Promise<R>): Job<P, R>;
  get(id: string): Job<P, R> | undefined;
  /** Newest first. */
  list(): readonly Job<P, R>[];
  /** Resolves once the queue is empty (tests, shutdown). */
  idle(): Promise<void>;
}

export interface JobRegistryOptions {
  /** Finished jobs kept for status queries; older ones are forgotten (default 500). */
  readonly keepFinished?: number;
  /** Receives failures that are not AppErrors (bugs), which the job shows only as "internal error". */
  readonly onUnexpected?: (error: unknown) => void;
}

function failureOf(error: unknown): JobFailure {
  if (isAppError(error)) return { code: error.code, message: error.message, issues: error.issues };
  return { code: "internal", message: "internal error", issues: [] };
}

/**
 * Background jobs in the app layer, run one at a time in submission order: the store takes one
 * import at a time, and package builds load the whole graph, so running them side by side would
 * only fail or thrash. State lives in memory; a restart forgets the jobs (the store does not
 * forget a committed import, and an interrupted one left nothing).
 */
export function createJobRegistry<P, R>(options: JobRegistryOptions = {}): JobRegistry<P, R> {
  const keep = options.keepFinished ?? 500;
  const onUnexpected = options.onUnexpected ?? (() => {});
  const jobs = new Map<string, Job<P, R>>();
  let tail: Promise<void> = Promise.resolve();
  const update = (id: string, change: Partial<Job<P, R>>) => {
    const job = jobs.get(id);
    if (job) jobs.set(id, { ...job, ...change });
  };
  const forgetOld = () => {
    const finished = [...jobs.values()].filter((j) => j.finishedAt !== undefined);
    for (const j of finished.slice(0, Math.max(0, finished.length - keep))) jobs.delete(j.id);
  };
  const execute = async (id: string, run: (report: (p: P) => void) => Promise<R>) => {
    update(id, { status: "running", startedAt: new Date().toISOString() });
    try {
      const result = await run((progress) => update(id, { progress }));
      update(id, { status: "succeeded", result, finishedAt: new Date().toISOString() });
    } catch (error) {
      if (!isAppError(error)) onUnexpected(error);
      update(id, { status: "failed", error: failureOf(error), finishedAt: new Date().toISOString() });
    }
    forgetOld();
  };
  return {
    submit(owner, progress, run) {
      const job: Job<P, R> = {
        id: randomUUID(),
        owner,
        status: "queued",
        createdAt: new Date().toISOString(),
        progress,
      };
      jobs.set(job.id, job);
      tail = tail.then(() => execute(job.id, run));
      return job;
    },
    get: (id) => jobs.get(id),
    list: () => [...jobs.values()].reverse(),
    idle: () => tail,
  };
}
