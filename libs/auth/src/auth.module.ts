import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtAuthGuard } from './jwt-auth.guard';
import { TokenKeySource, TokenVerifier } from './token-verifier';

/** Puts the JWT guard in front of every route of the application. */
@Module({})
export class AuthModule {
  static forRoot(keys: TokenKeySource): DynamicModule {
    return {
      module: AuthModule,
      providers: [
        { provide: TokenVerifier, useValue: new TokenVerifier(keys) },
        { provide: APP_GUARD, useClass: JwtAuthGuard },
      ],
      exports: [TokenVerifier],
    };
  }
}
