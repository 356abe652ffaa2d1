import { Module } from '@nestjs/common';
import { SubscriptionSockets } from './graceful-shutdown';

/** What shutdown needs from the running app: the open subscription sockets. */
@Module({
  providers: [SubscriptionSockets],
  exports: [SubscriptionSockets],
})
export class ShutdownModule {}
