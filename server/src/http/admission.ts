import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { WorkQueue } from '../limits/workQueue';
import { sendError } from './api';

/**
 * Large bodies (archives up to 32 MiB, images up to 5 MiB) are buffered whole before they can be
 * checked: a per-request bound alone lets a burst of uploads hold gigabytes at once. This gate
 * lets `concurrency` requests read and handle their body at a time, `waiting` more wait their
 * turn with their body unread (in the kernel's buffers, not ours), and answers any beyond
 * `503 BUSY` at once. A request holds its place until its answer is sent or its connection is
 * gone, so what the process buffers for the route stays below `concurrency` × the body limit.
 */
export function bodyGate(concurrency: number, waiting: number): RequestHandler {
  const queue = new WorkQueue(concurrency, waiting);
  return (req: Request, res: Response, next: NextFunction) => {
    queue
      .run(
        () =>
          new Promise<void>((done) => {
            // The client may have hung up while it waited: its place is given back at once.
            if (req.socket.destroyed || res.writableFinished) return done();
            res.once('close', () => done());
            next();
          }),
      )
      .catch((err: unknown) => {
        // BUSY, answered at once: Node then reads the rest of the body and throws it away (no
        // buffering), so the client gets its answer instead of a broken pipe mid-upload.
        sendError(req, res, err);
      });
  };
}
