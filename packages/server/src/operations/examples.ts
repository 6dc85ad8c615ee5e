// Examples shown in the OpenAPI document.

export const EXAMPLE_ULID = "01KDVDNA00ZKRRMS30Q0DXB47N";

export const DISPATCH_EXAMPLE = {
  garment_category_public_id: EXAMPLE_ULID,
  color: "navy",
  material: "cotton",
  pattern: "solid",
  fit: "slim",
  length: "hip",
  resolution: "1K",
  aspect_ratio: "4:5",
  seed: 7,
};

export const JOB_DETAIL_EXAMPLE = {
  public_id: EXAMPLE_ULID,
  job_type: "COMPLEMENTARY_GARMENT_GENERATOR",
  status: "SUCCESS",
  created_at: "2026-12-01T12:00:00.000Z",
  request: DISPATCH_EXAMPLE,
  result: [
    {
      image_url: `/v1/artifacts/${EXAMPLE_ULID}/image?expires=1764590400&signature=…`,
      kind: "catalog_image",
      role: "final",
      label: "Camel wool overshirt",
      meta: { width: 820, height: 1024, seed: 7, model: "builtin-flatlay" },
    },
  ],
  latest_event: null,
};

export const BATCH_EXAMPLE = {
  idempotency_key: "spring-2027-tops.csv#4f1c2a",
  items: [
    { ...DISPATCH_EXAMPLE, sku: "TOP-0001", display_name: "Navy cotton tee" },
    { ...DISPATCH_EXAMPLE, color: "ecru", material: "linen", sku: "TOP-0002" },
  ],
};

export const BATCH_RESPONSE_EXAMPLE = {
  batch_id: "01KDVDR2M4W6Y8A0C2E4G6J8K0",
  request_id: "01KDVDPQ3ZB5R9M2WQX4T7Y8C1",
  created_at: "2026-12-01T12:00:00.000Z",
  finished_at: null,
  item_count: 2,
  credits_cost: 10,
  counts: { NOT_STARTED: 1, IN_PROGRESS: 0, SUCCESS: 1, FAILURE: 0 },
  jobs: [
    {
      row: 0,
      job_id: EXAMPLE_ULID,
      request_id: "01KDVDPQ3ZB5R9M2WQX4T7Y8C2",
      sku: "TOP-0001",
      display_name: "Navy cotton tee",
      status: "SUCCESS",
      credits_cost: 5,
      failure_reason: null,
      image_url: `/v1/artifacts/${EXAMPLE_ULID}/image?expires=1764590400&signature=…`,
    },
    {
      row: 1,
      job_id: "01KDVDNA00ZKRRMS30Q0DXB47P",
      request_id: "01KDVDPQ3ZB5R9M2WQX4T7Y8C3",
      sku: "TOP-0002",
      display_name: "",
      status: "NOT_STARTED",
      credits_cost: 5,
      failure_reason: null,
      image_url: null,
    },
  ],
};
