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
