import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { inter } from "./fonts";
import "./globals.css";
import { Providers } from "./providers";

export const metadata: Metadata = {
  title: "Mimicry — synthetic attack telemetry",
  description: "Pick ATT&CK techniques, describe the attack, get the Windows logs it would leave.",
};

const nav = [
  { href: "/matrix", label: "Matrix" },
  { href: "/scenarios", label: "Scenarios" },
  { href: "/scenarios/new", label: "New scenario" },
  { href: "/rules", label: "Rules" },
  { href: "/verify", label: "Verify" },
  { href: "/settings", label: "Settings" },
];

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en" className={inter.variable}>
      <body className="min-h-screen font-sans">
        <header className="sticky top-0 z-40 border-b border-slate-200 bg-white/95 backdrop-blur">
          <nav
            className="mx-auto flex max-w-[1600px] items-center gap-4 overflow-x-auto px-4 py-2 text-sm"
            aria-label="Main"
          >
            <Link href="/" className="font-semibold tracking-tight text-slate-900">
              Mimicry
            </Link>
            {nav.map((item) => (
              <Link
                key={item.href}
                href={item.href}
                className="whitespace-nowrap text-slate-600 hover:text-slate-900"
              >
                {item.label}
              </Link>
            ))}
          </nav>
        </header>
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
