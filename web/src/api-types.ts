/**
 * The response shapes the pages read. They follow src/api as it lands (issue 6); where a schema
 * is not there yet, the shape the page expects is written here and marked "expected", so the gap
 * is visible in one file and is replaced by the src/api type when it arrives.
 */
import type { Role } from "./roles.ts";

/** expected: GET /api/auth/me */
export interface Me {
  readonly user: {
    readonly id?: string;
    readonly username: string;
    readonly role: Role;
    readonly partyId?: string;
  };
  readonly csrfToken: string;
}

/** expected: one row of GET /api/shipments (the main job's table). */
export interface ShipmentRow {
  readonly id: string;
  readonly lot?: string;
  readonly importer?: string;
  readonly date?: string;
  readonly quantity?: { readonly value: number; readonly unit: string };
  readonly xinjiangShare: number;
  readonly unknownShare: number;
  readonly worstCaseXinjiangShare?: number;
  readonly listedEntities?: readonly { readonly name: string }[] | number;
  readonly flags?: readonly { readonly code: string; readonly message?: string }[];
  readonly verdict: "admissible" | "inadmissible" | "insufficient-evidence";
}

/** expected: a screening hit (src/app OpenHit as JSON). */
export interface Hit {
  readonly hit: string;
  readonly hitKey?: string;
  readonly subject: { readonly kind: "party" | "location"; readonly id: string; readonly name: string };
  readonly entity: {
    readonly id: string;
    readonly name: string;
    readonly list: string;
    readonly section?: string;
    readonly aliases?: readonly string[];
    readonly address?: string;
    readonly country?: string;
  };
  readonly score: number;
  readonly match?: boolean;
  readonly via?: string;
  readonly explanations: readonly (string | { readonly message?: string; readonly feature?: string })[];
  readonly review: {
    readonly state: "open" | "confirmed" | "dismissed" | "reopened";
    readonly decision?: {
      readonly status: string;
      readonly reason: string;
      readonly user: string;
      readonly decidedAt: string;
    };
  };
}

export interface PartyRow {
  readonly id: string;
  readonly name: string;
  readonly names?: readonly string[];
  readonly country?: string;
  readonly region?: string;
  readonly hitState?: string;
  readonly hits?: number;
}

export interface LocationRow {
  readonly id: string;
  readonly name: string;
  readonly country?: string;
  readonly region?: string;
  readonly address?: string | { readonly text?: string; readonly country?: string; readonly region?: string };
  readonly operator?: string;
  readonly hitState?: string;
  readonly xinjiang?: boolean;
  readonly listed?: boolean;
  readonly latitude?: number;
  readonly longitude?: number;
}

/** One step of a proving path (docs/tracing.md). */
export interface PathStep {
  readonly lot: string;
  readonly event?: string | null;
  readonly kind?: string;
  readonly location?: string | null;
}

/** GET /api/lots/{id}/trace: the trace contract of docs/tracing.md. */
export interface TraceResult {
  readonly direction?: "up" | "down";
  readonly lot: string;
  readonly quantity?: { readonly value: number; readonly unit: string } | null;
  readonly xinjiangShare: number;
  readonly unknownShare: number;
  readonly expectedXinjiangShare?: number;
  readonly worstCaseXinjiangShare?: number;
  readonly listedEntityInChain: boolean;
  readonly listedEntities: readonly {
    readonly name: string;
    readonly listEntry?: string;
    readonly location: string;
    readonly path: readonly PathStep[];
  }[];
  readonly origins: readonly {
    readonly lot: string;
    readonly location?: string | null;
    readonly country?: string | null;
    readonly region?: string | null;
    readonly bucket?: string;
    readonly xinjiang?: boolean;
    readonly traced?: boolean;
    readonly share: number;
    readonly path: readonly PathStep[];
  }[];
  readonly descendants?: readonly {
    readonly lot: string;
    readonly share: number;
    readonly path: readonly PathStep[];
  }[];
  readonly flags: readonly {
    readonly code: string;
    readonly message?: string;
    readonly lots?: readonly string[];
  }[];
  /** Names of the locations on the paths, when the API adds them. */
  readonly locations?: Readonly<
    Record<string, { readonly name: string; readonly country?: string; readonly region?: string }>
  >;
}

export interface EventRow {
  readonly id: string;
  readonly kind?: string;
  readonly type?: string;
  readonly time?: string;
  readonly eventTime?: string;
  readonly location?: string;
  readonly source?: string;
}

export interface DocumentRow {
  readonly sha256: string;
  readonly type: string;
  readonly fileName?: string;
  readonly file?: string;
  readonly date?: string;
  readonly refs?: readonly string[];
}

export interface ImportJob {
  readonly id: string;
  readonly state: "queued" | "running" | "done" | "failed" | "rejected";
  readonly file?: string;
  readonly progress?: number;
  readonly added?: Readonly<Record<string, number>>;
  readonly issues?: readonly {
    readonly message: string;
    readonly line?: number;
    readonly field?: string;
    readonly path?: string;
  }[];
  readonly error?: { readonly code: string; readonly message: string };
}

export interface PackageJob {
  readonly id: string;
  readonly shipment: string;
  readonly state: "queued" | "running" | "done" | "failed";
  readonly progress?: number;
  readonly pdf?: string;
  readonly json?: string;
  readonly error?: { readonly code: string; readonly message: string };
}

export interface UserRow {
  readonly id: string;
  readonly username: string;
  readonly role: Role;
  readonly partyId?: string;
  readonly disabled?: boolean;
  readonly createdAt?: string;
}

export interface TokenRow {
  readonly id: string;
  readonly name: string;
  readonly scopes?: readonly string[];
  readonly createdAt?: string;
  readonly revokedAt?: string | null;
  readonly lastUsedAt?: string | null;
  /** Shown once, on creation. */
  readonly token?: string;
}

export interface AuditRow {
  readonly seq: number;
  readonly at: string;
  readonly actor: string;
  readonly action: string;
  readonly target?: string;
  readonly hash?: string;
  readonly prevHash?: string;
}
