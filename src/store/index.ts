export { openStore } from "./open-store.ts";
export { openPostgresStore } from "./postgres/open-postgres-store.ts";
export { redactUrl } from "./postgres/redact-url.ts";
export { openShardCluster, shardOfNode } from "./sharded/index.ts";
export { openSqliteStore } from "./sqlite/open-sqlite-store.ts";
