"use client";

import "@scalar/api-reference-react/style.css";
import dynamic from "next/dynamic";

// The API reference, rendered by Scalar from the document the API itself serves
// (GET /v1/openapi.json, generated from the zod schemas). Client-only: the viewer needs `window`.
const ApiReference = dynamic(
  () => import("@scalar/api-reference-react").then((m) => m.ApiReferenceReact),
  { ssr: false, loading: () => <p style={{ padding: 24 }}>Loading the API reference…</p> },
);

// The page works offline: nothing here may reach a service outside this server (the e2e test
// fails on any request that leaves the origin). Scalar defaults to its hosted fonts, its AI agent
// and MCP panel, telemetry, and a developer toolbar on localhost (deploy, SDK generators).
const OFFLINE = {
  withDefaultFonts: false,
  telemetry: false,
  agent: { disabled: true },
  mcp: { disabled: true },
  showDeveloperTools: "never",
  hideClientButton: true,
  isEditable: false,
  documentDownloadType: "json",
} as const;

export default function ApiReferencePage() {
  return (
    <ApiReference
      configuration={{
        ...OFFLINE,
        url: "/v1/openapi.json",
        metaData: { title: "Garment Studio API reference" },
      }}
    />
  );
}
