"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "~/lib/cn";

const LINKS = [
  { href: "/generate", label: "New garment" },
  { href: "/batches", label: "Batches" },
  { href: "/history", label: "History" },
  { href: "/catalog", label: "Catalog" },
  { href: "/account", label: "Credits & keys" },
];

/** The Studio's pages; the operator's page only for a user with the operator role. */
export function MainNav({ operator = false }: { operator?: boolean }) {
  const pathname = usePathname();
  const links = operator ? [...LINKS, { href: "/operator", label: "Operator" }] : LINKS;
  return (
    <nav aria-label="Main" className="flex flex-wrap gap-1 text-sm">
      {links.map((link) => {
        const active = pathname === link.href || pathname.startsWith(`${link.href}/`);
        return (
          <Link
            key={link.href}
            href={link.href}
            aria-current={active ? "page" : undefined}
            className={cn(
              "rounded px-3 py-1.5",
              active
                ? "bg-accent-soft font-medium text-accent-strong"
                : "text-stone-700 hover:bg-stone-100",
            )}
          >
            {link.label}
          </Link>
        );
      })}
    </nav>
  );
}
