import type { ReactNode } from "react";

export const metadata = {
  title: "Garment Studio",
  description: "Design the garment that completes the look.",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body style={{ fontFamily: "system-ui, sans-serif", margin: 0 }}>{children}</body>
    </html>
  );
}
