import { InMemoryRunStore } from "./in-memory-run-store";
import { describeRunStoreContract } from "../testing/run-store-contract";

describeRunStoreContract("InMemoryRunStore", () => new InMemoryRunStore());
