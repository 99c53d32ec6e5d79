import pino from "pino";
import { env } from "@/lib/env";

/** The logger's options: JSON lines; credentials redacted wherever they appear. */
export const LOG_OPTIONS: pino.LoggerOptions = {
  level: env.LOG_LEVEL,
  base: { service: "claimtrack" },
  redact: {
    paths: [
      "password",
      "*.password",
      "token",
      "*.token",
      "secret",
      "*.secret",
      "passwordHash",
      "*.passwordHash",
      "headers.authorization",
      "headers.cookie",
      "*.headers.authorization",
      "*.headers.cookie",
    ],
    censor: "[redacted]",
  },
};

/** A logger with the app's options writing to a destination (tests use a buffer). */
export function createLogger(destination?: pino.DestinationStream): pino.Logger {
  return destination ? pino(LOG_OPTIONS, destination) : pino(LOG_OPTIONS);
}

/**
 * The structured logger (JSON lines on stdout). Credentials are redacted wherever they
 * appear in a logged object, so a careless log call cannot leak them.
 */
export const log = createLogger();

export const REQUEST_ID_HEADER = "x-request-id";
