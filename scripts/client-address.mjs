// Preloaded into every `next start` process (node --import; scripts/build.ts
// NEXT_NODE_ARGS). Next.js fills in X-Forwarded-For from the socket only when the request
// has none, so a client could send any address it liked and get a fresh sign-in and
// bad-token budget with each one (lib/data/rate-limit.ts clientAddress). Here the header
// becomes the address the connection really comes from. Behind a reverse proxy that sets
// X-Forwarded-For itself, replacing the client's (README, "Deploying"), set
// CLAIMTRACK_TRUST_PROXY=1 and its value is kept.
import http from "node:http";

const trustProxy = process.env.CLAIMTRACK_TRUST_PROXY === "1";
const emit = http.Server.prototype.emit;

http.Server.prototype.emit = function emitWithClientAddress(event, request, ...rest) {
  if (event === "request" && request && request.headers && !(trustProxy && request.headers["x-forwarded-for"])) {
    const peer = request.socket && request.socket.remoteAddress;
    if (peer) request.headers["x-forwarded-for"] = peer;
    else delete request.headers["x-forwarded-for"];
  }
  return emit.call(this, event, request, ...rest);
};
