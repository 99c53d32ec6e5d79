/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
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
