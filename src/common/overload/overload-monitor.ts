import { Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { performance } from 'node:perf_hooks';
import { HushConfig } from '../../config/config';

/** How often the event loop is sampled, in ms. */
const SAMPLE_MS = 100;
/** Late samples in a row that make Hush overloaded: one long synchronous step is not a queue. */
const LATE_TO_START = 3;
/** Samples on time in a row that end it: under a flood, a sample now and then still comes on time. */
const ON_TIME_TO_END = 5;

/**
 * Whether this replica has more work than its one JavaScript thread can do:
 * a timer due every 100 ms that has fired at least HUSH_SHED_LAG_MS late
 * three times in a row means requests are queueing behind each other; five
 * on time in a row (half a second) and it is over. Never, with
 * HUSH_SHED_LAG_MS 0.
 */
@Injectable()
export class OverloadMonitor implements OnModuleInit, OnModuleDestroy {
  private timer?: NodeJS.Timeout;
  private late = 0;
  private onTime = 0;
  private shedding = false;

  constructor(private readonly config: HushConfig) {}

  get overloaded(): boolean {
    return this.shedding;
  }

  onModuleInit() {
    const threshold = this.config.HUSH_SHED_LAG_MS;
    if (threshold === 0) return;
    let last = performance.now();
    this.timer = setInterval(() => {
      const now = performance.now();
      if (now - last - SAMPLE_MS >= threshold) {
        this.onTime = 0;
        if (++this.late >= LATE_TO_START) this.shedding = true;
      } else {
        this.late = 0;
        if (++this.onTime >= ON_TIME_TO_END) this.shedding = false;
      }
      last = now;
    }, SAMPLE_MS).unref();
  }

  onModuleDestroy() {
    clearInterval(this.timer);
  }
}
