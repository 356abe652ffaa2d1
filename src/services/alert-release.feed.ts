import { Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { PubSub } from 'graphql-subscriptions';
import { NotificationBus } from '../database/notification-bus';
import { RELEASE_CHANNEL, type AlertRelease } from './alert-release';

const TOPIC = 'alertReleased';

/** Releases committed by any replica, as a live stream for this replica's subscribers. */
@Injectable()
export class AlertReleaseFeed implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly pubsub = new PubSub<{ [TOPIC]: AlertRelease }>();
  private unlisten?: () => void;

  constructor(private readonly bus: NotificationBus) {}

  async onApplicationBootstrap() {
    this.unlisten = await this.bus.listen(
      RELEASE_CHANNEL,
      (payload) => void this.pubsub.publish(TOPIC, JSON.parse(payload) as AlertRelease),
    );
  }

  onApplicationShutdown() {
    this.unlisten?.();
  }

  releases(): AsyncIterableIterator<AlertRelease> {
    return this.pubsub.asyncIterableIterator(TOPIC);
  }
}
