import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { performance, type EventLoopUtilization } from 'node:perf_hooks';
import { HushConfig } from '../../config/config';

/** How often the event loop's busy share is sampled, in ms. */
const SAMPLE_MS = 100;
/** Busy samples in a row that make Hush overloaded: one long synchronous step is not a queue. */
const BUSY_TO_START = 2;
/** Samples with time to spare, in a row, that end it: under a flood, a sample now and then still has some. */
const SPARE_TO_END = 10;
/** HTTP requests begun and not yet answered, at least, for a busy loop to mean a queue (one client's back-to-back calendars do not). */
const QUEUED = 32;

/**
 * Whether this replica has more work than its one JavaScript thread can do:
 * an event loop busy at least HUSH_SHED_BUSY_PERCENT of the time, two
 * 100 ms samples in a row, with 32 or more requests waiting at once meanwhile,
 * means requests are queueing behind each other (timers alone do not tell: a
 * flood of small steps keeps them on time while connections wait to be
 * accepted). Ten samples in a row with time to spare and it is over: ending
 * slower than it starts keeps the reads let back in from flooding it again at
 * once. Never, with HUSH_SHED_BUSY_PERCENT 0.
 */
@Injectable()
export class OverloadMonitor implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Overload');
  private timer?: NodeJS.Timeout;
  private inFlight = 0;
  /** Requests refused since the overload began (told in the log when it ends). */
  private refusals = 0;
  /** The most requests waiting at once since the loop last had time to spare. */
  private peak = 0;
  private busy = 0;
  private spare = 0;
  private shedding = false;

  constructor(
    private readonly config: HushConfig,
    private readonly adapterHost: HttpAdapterHost,
  ) {}

  /** Whether to refuse a sheddable request now (while overloaded), counting it if so. */
  refuses(): boolean {
    if (this.shedding) this.refusals++;
    return this.shedding;
  }

  onApplicationBootstrap() {
    const threshold = this.config.HUSH_SHED_BUSY_PERCENT / 100;
    const server = this.adapterHost.httpAdapter?.getHttpServer() as Server | undefined;
    if (threshold === 0 || !server) return;
    server.on('request', (req: IncomingMessage, res: ServerResponse) => {
      this.peak = Math.max(this.peak, ++this.inFlight);
      // A pipelined request still queued when its socket goes never gets a response to close: the socket's close counts it out.
      // Once only: closing the socket closes the response being written, inside the socket's own close.
      const socket = req.socket;
      let counted = true;
      const leave = () => {
        if (!counted) return;
        counted = false;
        this.inFlight--;
        res.off('close', leave);
        socket.off('close', leave);
      };
      res.once('close', leave);
      socket.once('close', leave);
    });
    let last: EventLoopUtilization = performance.eventLoopUtilization();
    this.timer = setInterval(() => {
      const now = performance.eventLoopUtilization();
      if (performance.eventLoopUtilization(now, last).utilization >= threshold) {
        this.spare = 0;
        if (++this.busy >= BUSY_TO_START && this.peak >= QUEUED && !this.shedding) {
          this.shedding = true;
          this.refusals = 0;
          this.logger.warn(`overloaded: ${this.peak} requests waiting on a busy event loop; refusing reads other than decisions`);
        }
      } else {
        this.busy = 0;
        this.peak = this.inFlight;
        if (++this.spare >= SPARE_TO_END && this.shedding) {
          this.shedding = false;
          this.logger.log(`no longer overloaded; ${this.refusals} requests were refused`);
        }
      }
      last = now;
    }, SAMPLE_MS).unref();
  }

  onModuleDestroy() {
    clearInterval(this.timer);
    // Requests still in flight at shutdown are answered, whatever the last sample said.
    this.shedding = false;
  }
}
