import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@tollgate/auth';
import { COCKPIT_SETTINGS, type CockpitSettings } from './cockpit-settings';

@ApiTags('cockpit')
@Controller('cockpit')
export class CockpitSettingsController {
  constructor(@Inject(COCKPIT_SETTINGS) private readonly settings: CockpitSettings) {}

  @Get('settings')
  @Public()
  @ApiOkResponse({ description: "the services' addresses as a browser reaches them, the Temporal UI and namespace, and how people sign in" })
  @ApiOperation({ summary: 'What the cockpit page needs before anyone signs in: where the other services are, and how to sign in', security: [] })
  get(): CockpitSettings {
    return this.settings;
  }
}
