import { DynamicModule, Logger, Module } from '@nestjs/common';
import { ServeStaticModule } from '@nestjs/serve-static';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { PlansConfig } from '../config/plans.config';
import { COCKPIT_SETTINGS, type CockpitSettings } from './cockpit-settings';
import { CockpitSettingsController } from './cockpit-settings.controller';
import { DEVELOPMENT_JWT_SECRET, DevelopmentSignInController } from './development-sign-in.controller';

/**
 * The cockpit page at the service's root, built to static files, with the
 * settings it reads first; outside production also the development sign-in.
 */
@Module({})
export class CockpitModule {
  static forRoot(config: PlansConfig): DynamicModule {
    const directory = path.resolve(config.cockpit.directory);
    const development = config.environment !== 'production' && config.auth.jwtSecret !== undefined;
    const settings: CockpitSettings = {
      services: { plans: '', initiatives: config.cockpit.initiativesUrl, finance: config.cockpit.financeUrl },
      temporalUiUrl: config.cockpit.temporalUiUrl,
      temporalNamespace: config.temporal.namespace,
      signIn: config.cockpit.oidc ? 'oidc' : development ? 'development' : 'unavailable',
      oidc: config.cockpit.oidc ? { ...config.cockpit.oidc, rolesClaim: config.auth.rolesClaim } : null,
    };
    const page = existsSync(path.join(directory, 'index.html'));
    if (!page) new Logger('Cockpit').warn(`no cockpit page at ${directory}: build it with npx nx build cockpit`);
    return {
      module: CockpitModule,
      imports: page ? [ServeStaticModule.forRoot({ rootPath: directory, exclude: ['/api/{*path}', '/health', '/metrics'] })] : [],
      controllers: development ? [CockpitSettingsController, DevelopmentSignInController] : [CockpitSettingsController],
      providers: [
        { provide: COCKPIT_SETTINGS, useValue: settings },
        ...(development ? [{ provide: DEVELOPMENT_JWT_SECRET, useValue: config.auth.jwtSecret }] : []),
      ],
    };
  }
}
