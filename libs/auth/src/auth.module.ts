import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtAuthGuard } from './jwt-auth.guard';
import { TokenExpectations, TokenKeySource, TokenVerifier } from './token-verifier';

/** Puts the JWT guard in front of every route of the application. */
@Module({})
export class AuthModule {
  static forRoot(keys: TokenKeySource, expected: TokenExpectations = {}): DynamicModule {
    return {
      module: AuthModule,
      providers: [
        { provide: TokenVerifier, useValue: new TokenVerifier(keys, expected) },
        { provide: APP_GUARD, useClass: JwtAuthGuard },
      ],
      exports: [TokenVerifier],
    };
  }
}
