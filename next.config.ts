import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // PGlite and the Prisma adapters load WASM at run time: keep them out of the bundle.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "@prisma/client", "pg"],
  poweredByHeader: false,
};

export default nextConfig;
