// Sent with every response, pages, API and files alike. The per-request
// Content-Security-Policy with its nonce is set for pages by proxy.ts.
const SECURITY_HEADERS = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  async headers() {
    return [{ source: "/:path*", headers: SECURITY_HEADERS }];
  },
  // Native modules and jsdom are loaded by Node at run time rather than bundled.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "pg", "@prisma/adapter-pg", "@node-rs/argon2", "jsdom", "pino"],
  // `npm test` type-checks the whole project (tsc) as its first step; the build does not
  // repeat it, so `npm start` builds faster and a test file never blocks serving the app.
  typescript: { ignoreBuildErrors: true },
  experimental: {
    // Uploads: up to 5 MB of HTML (2 MB of text) plus multipart overhead.
    serverActions: { bodySizeLimit: "6mb" },
  },
};

export default nextConfig;
