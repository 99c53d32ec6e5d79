import { db } from "@/lib/db";
import { log } from "@/lib/log";

const started = Date.now();

// For load balancers and monitoring: 200 when the database answers, 503 when it does not.
// Public on purpose; it reveals nothing but health.
export async function GET(): Promise<Response> {
  const t0 = performance.now();
  try {
    await db.$queryRaw`SELECT 1`;
    const latencyMs = Math.round((performance.now() - t0) * 10) / 10;
    return Response.json(
      { status: "ok", database: { status: "ok", latencyMs }, uptimeSeconds: Math.round((Date.now() - started) / 1000) },
      { headers: { "cache-control": "no-store" } },
    );
  } catch (err) {
    log.error({ err }, "health check: database unreachable");
    return Response.json({ status: "error", database: { status: "unreachable" } }, { status: 503, headers: { "cache-control": "no-store" } });
  }
}
