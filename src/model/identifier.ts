/** An identifier a party or facility carries in some registry. */
export type IdentifierScheme = "uscc" | "lei" | "gln" | "pgln" | "osid" | "duns" | "ftm" | "other";

export interface Identifier {
  readonly scheme: IdentifierScheme;
  readonly value: string;
}
