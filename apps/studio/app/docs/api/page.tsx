"use client";

import "@scalar/api-reference-react/style.css";
import dynamic from "next/dynamic";

// The API reference, rendered by Scalar from the document the API itself serves
// (GET /v1/openapi.json, generated from the zod schemas). Client-only: the viewer needs `window`.
const ApiReference = dynamic(
  () => import("@scalar/api-reference-react").then((m) => m.ApiReferenceReact),
  { ssr: false, loading: () => <p style={{ padding: 24 }}>Loading the API reference…</p> },
);

export default function ApiReferencePage() {
  return (
    <ApiReference
      configuration={{
        url: "/v1/openapi.json",
        metaData: { title: "Garment Studio API reference" },
        hideClientButton: true,
      }}
    />
  );
}
