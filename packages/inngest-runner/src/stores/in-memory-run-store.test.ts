import { InMemoryRunStore } from "./in-memory-run-store";
import { describeKeyedConcurrency } from "../testing/keyed-concurrency";
import { describeRunStoreContract } from "../testing/run-store-contract";
import { createTestClient } from "../testing/test-kit";

describeRunStoreContract("InMemoryRunStore", () => new InMemoryRunStore());

// Two runners on one store, as two processes on one database.
describeKeyedConcurrency("InMemoryRunStore", createTestClient("keyed-in-memory"), async () => {
  const store = new InMemoryRunStore();
  return { stores: [store, store] };
});
