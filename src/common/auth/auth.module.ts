import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { HttpOperationChecks } from '../graphql/http-operation-checks';
import { AdminTokenSeeder } from './admin-token.seeder';
import { AuthGuard } from './auth.guard';
import { AuthResolver } from './auth.resolver';
import { AuthService } from './auth.service';

@Module({
  providers: [AuthService, AuthResolver, AdminTokenSeeder, HttpOperationChecks, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [AuthService],
})
export class AuthModule {}
