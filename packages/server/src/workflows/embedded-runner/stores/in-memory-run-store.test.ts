import { InMemoryRunStore } from "./in-memory-run-store";
import { describeRunStoreContract } from "./run-store.contract";

describeRunStoreContract("InMemoryRunStore", () => new InMemoryRunStore());
