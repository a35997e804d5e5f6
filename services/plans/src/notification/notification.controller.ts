import { Body, Controller, Get, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '@tollgate/auth';
import { ApiErrorAnswers } from '@tollgate/platform';
import { NotificationSettingsDto, NotificationsQuery } from './dtos/notification-settings.dto';
import { NotificationService } from './notification.service';

@ApiTags('Notifications')
@ApiBearerAuth()
@ApiErrorAnswers()
@Controller()
export class NotificationController {
  constructor(private readonly notifications: NotificationService) {}

  @Get('me/notification-settings')
  @ApiOperation({ summary: 'Where my mail goes, and for each kind of notice whether I am told at once, in the daily digest, or not at all' })
  settings(@CurrentPrincipal() principal: Principal) {
    return this.notifications.settingsOf(principal);
  }

  @Put('me/notification-settings')
  @ApiOperation({ summary: 'Changes my address, the kinds I changed from the default, my digest hour and time zone; what is left out stays as it was' })
  save(@CurrentPrincipal() principal: Principal, @Body() dto: NotificationSettingsDto) {
    return this.notifications.saveSettings(principal, dto);
  }

  @Get('me/notifications')
  @ApiOperation({ summary: 'What I was told, newest first, each with its receipt (address, time, the mail server’s message id) or why it was not sent' })
  mine(@CurrentPrincipal() principal: Principal, @Query() query: NotificationsQuery) {
    return this.notifications.mine(principal, query);
  }

  @Get('notifications')
  @ApiOperation({ summary: 'Who was told about an initiative, action or decision (`about`), how and when; addresses are left out' })
  about(@Query() query: NotificationsQuery) {
    return this.notifications.about(query.about ?? '', query);
  }
}
