import { applyDecorators, Controller, Delete, Get, Header, HttpCode, Param, Post, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Public, type Principal } from '@tollgate/auth';
import { ApiErrorAnswers, RateLimited } from '@tollgate/platform';
import { CalendarService } from './calendar.service';

/** The feed's text as iCalendar: the type is set on the answer it is, so a refusal stays JSON. */
function feed(text: string): StreamableFile {
  const bytes = Buffer.from(text, 'utf8');
  return new StreamableFile(bytes, { type: 'text/calendar; charset=utf-8', length: bytes.length });
}

/** A feed a calendar program reads: no sign-in (the token in its address is the key), never cached on the way. */
function CalendarFeed(summary: string) {
  return applyDecorators(
    Public(),
    RateLimited('heavyRead'),
    Header('cache-control', 'private, no-store'),
    ApiProduces('text/calendar'),
    ApiOkResponse({ description: 'an iCalendar (RFC 5545) feed', content: { 'text/calendar': { schema: { type: 'string' } } } }),
    ApiOperation({ summary }),
  );
}

@ApiTags('Notifications')
@ApiErrorAnswers({ notFound: 'no such calendar (a malformed, unknown or revoked address), or an unknown node' })
@Controller()
export class CalendarController {
  constructor(private readonly calendars: CalendarService) {}

  @Get('me/calendar')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Whether I have a calendar address, and since when (the address itself is shown only when it is made)' })
  status(@CurrentPrincipal() principal: Principal) {
    return this.calendars.status(principal);
  }

  @Post('me/calendar')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Makes my private calendar address (and the pattern of a node’s S&OP calendar); the one before stops working' })
  issue(@CurrentPrincipal() principal: Principal) {
    return this.calendars.issue(principal);
  }

  @Delete('me/calendar')
  @ApiBearerAuth()
  @HttpCode(204)
  @ApiOperation({ summary: 'Revokes my calendar address' })
  async revoke(@CurrentPrincipal() principal: Principal): Promise<void> {
    await this.calendars.revoke(principal);
  }

  @Get('calendars/:token')
  @CalendarFeed("A person's calendar, read by a calendar program with the token in its address: their open milestones, the gates awaiting their key, their actions, their S&OP steps and the meetings they chair")
  async personal(@Param('token') token: string): Promise<StreamableFile> {
    return feed(await this.calendars.personal(token));
  }

  @Get('calendars/:token/nodes/:orgNodeId')
  @CalendarFeed("A node's S&OP calendar: every step of its open cycles still to come, the executive meetings among them")
  async node(@Param('token') token: string, @Param('orgNodeId') orgNodeId: string): Promise<StreamableFile> {
    return feed(await this.calendars.node(token, orgNodeId));
  }
}
