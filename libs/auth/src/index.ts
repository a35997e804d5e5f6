export * from './access.decorators';
export * from './auth.module';
export * from './current-principal.decorator';
export * from './development-token';
export * from './jwt-auth.guard';
export * from './principal';
export * from './token-verifier';
