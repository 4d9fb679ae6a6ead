import { type Issue, issue, type Link, linkId, type Provenance } from "../../model/index.ts";
import { parseNumber } from "../csv/index.ts";
import { ftmPartyId } from "./ftm-party.ts";
import type { FtmEntity } from "./parse-ftm-line.ts";

/**
 * An FtM Ownership (owner → asset, percentage, startDate/endDate) as `owns` Links. Edges to
 * entities not in the file are kept: the owner may be screened from another source.
 */
export function ftmOwnershipLinks(
  entity: FtmEntity,
  provenance: Provenance,
): { links: Link[]; issues: Issue[] } {
  const p = entity.properties;
  const owners = p.owner ?? [];
  const assets = p.asset ?? [];
  const issues: Issue[] = [];
  if (!owners.length || !assets.length) {
    const path = owners.length ? "properties.asset" : "properties.owner";
    return {
      links: [],
      issues: [
        issue(
          "ftm.ownership-incomplete",
          provenance,
          path,
          `expected an Ownership with an owner and an asset`,
        ),
      ],
    };
  }
  const share = readShare(p.percentage?.[0], provenance, issues);
  const startDate = p.startDate?.[0];
  const endDate = p.endDate?.[0];
  const pairs = owners.flatMap((owner) => assets.map((asset) => [owner, asset] as const));
  const links = pairs.map(
    ([owner, asset], i): Link => ({
      typeName: "link",
      id: linkId(pairs.length === 1 ? `ftm:${entity.id}` : `ftm:${entity.id}:${i}`),
      kind: "owns",
      from: ftmPartyId(owner),
      to: ftmPartyId(asset),
      ...(share === undefined ? {} : { share }),
      ...(startDate ? { startDate } : {}),
      ...(endDate ? { endDate } : {}),
      provenance,
    }),
  );
  return { links, issues };
}

function readShare(raw: string | undefined, provenance: Provenance, issues: Issue[]): number | undefined {
  if (raw === undefined) return undefined;
  const n = parseNumber(raw.replace(/%$/, ""));
  if (n !== undefined && n >= 0 && n <= 100) return n / 100;
  const message = `expected a percentage between 0 and 100, got "${raw}"; link kept without a share`;
  issues.push(issue("ftm.bad-percentage", provenance, "properties.percentage", message, "warning"));
  return undefined;
}
