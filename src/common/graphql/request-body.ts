import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';

/**
 * The largest request body Hush reads (JSON or form), 4 MiB: the largest
 * inputs — a notice's 1,000,000 characters (`importMaintenanceNotification`'s
 * `ical`, `attachNotification`'s `body`), 10,000 monitor ids — fit, even
 * written mostly in 3-byte UTF-8. The input limits (README "Input limits")
 * bound each field within it.
 */
export const MAX_BODY_BYTES = 4 * 1024 * 1024;

/** What body-parser attaches to the errors it raises (http-errors). */
interface BodyError extends Error {
  type?: unknown;
  status?: number;
  expose?: boolean;
}

/**
 * Reads bodies up to MAX_BODY_BYTES, and answers a body it cannot read as
 * GraphQL errors in JSON rather than Express's bare page: too large is HTTP
 * 413 with `PAYLOAD_TOO_LARGE` naming the limit; malformed JSON, an unknown
 * charset or encoding is its 4xx with `BAD_REQUEST`. Call before the app
 * starts, after CORS (so a browser can read the answer); Nest then keeps these
 * parsers instead of its own 100 kB ones.
 */
export function readBodies(app: INestApplication): void {
  const express = app as NestExpressApplication;
  express.useBodyParser('json', { limit: MAX_BODY_BYTES });
  express.useBodyParser('urlencoded', { limit: MAX_BODY_BYTES, extended: true });
  app.use(answerUnreadableBody);
}

function answerUnreadableBody(error: BodyError, _req: Request, res: Response, next: NextFunction) {
  const status = error?.status;
  // Only body-parser's client errors (they carry a `type`); the rest go on to Express and Nest.
  if (typeof error?.type !== 'string' || !status || status < 400 || status >= 500 || res.headersSent) return next(error);
  const tooLarge = status === 413;
  const message = tooLarge
    ? `The request body is larger than the limit of ${MAX_BODY_BYTES / 1024 / 1024} MB (${MAX_BODY_BYTES} bytes)`
    : `The request body could not be read: ${error.expose ? error.message : 'malformed'}`;
  const extensions = tooLarge ? { code: 'PAYLOAD_TOO_LARGE', limitBytes: MAX_BODY_BYTES } : { code: 'BAD_REQUEST' };
  res.status(status).json({ errors: [{ message, extensions }] });
}
