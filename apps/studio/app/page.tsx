export default function Home() {
  return (
    <main style={{ maxWidth: 720, margin: "4rem auto", padding: "0 1.5rem", lineHeight: 1.5 }}>
      <h1>Garment Studio</h1>
      <p>
        Give one garment (category, color, material, pattern, fit and length) and the Studio designs
        the garment that completes the look, then renders it.
      </p>
      <h2>API</h2>
      <ul>
        <li>
          <code>POST /v1/complementary-garment-generator</code> with{" "}
          <code>Authorization: Bearer sk_…</code>
        </li>
        <li>
          <code>GET /v1/credits</code>, <code>GET /v1/operations</code>
        </li>
        <li>
          tRPC at <code>/api/trpc</code> for internal tools
        </li>
      </ul>
    </main>
  );
}
