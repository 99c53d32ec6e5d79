import type { Metadata } from "next";
import type { ReactNode } from "react";
import "./globals.css";

// Every page is rendered per request: the Content-Security-Policy nonce (proxy.ts) can
// only be applied to pages rendered with the request's headers.
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: { default: "Claimtrack", template: "%s · Claimtrack" },
  description: "Claim annotation and source tracking for news and fact-checking desks",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        {children}
      </body>
    </html>
  );
}
