import type { ImageModelListing } from "@garment/imaging";

/** The image models the API offers, as the transports and the dispatch service see them. */
export interface ImageModelDirectory {
  defaultModelId: string;
  isAvailable(id: string): boolean;
  /** Every model this build knows, available or not (`GET /v1/image-models`). */
  list(): ImageModelListing[];
}
