export { openShardCluster } from "./open-shard-cluster.ts";
export { shardOfNode } from "./shard-of-node.ts";
