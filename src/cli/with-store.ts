import type { Store } from "../app/index.ts";
import { openStore } from "../store/index.ts";
import { type GlobalOptions, storeTarget } from "./global-options.ts";

/** Opens the store the options name, runs `work`, and always closes it. */
export async function withStore<T>(options: GlobalOptions, work: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(storeTarget(options));
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}
