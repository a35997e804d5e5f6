import { BadRequestException, Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@tollgate/auth';
import { parseIsoDuration } from '@tollgate/domain';
import { ApiErrorAnswers } from '@tollgate/platform';
import { FeedScopeDto, RegisterFeedSourceDto, RotateFeedKeyDto } from './dtos/feed-source.dto';
import { FeedSourceRegistry } from './feed-source-registry.service';

@ApiTags('feeds')
@ApiBearerAuth()
@ApiErrorAnswers({
  notFound: 'no registered feed source of that name',
  conflict: 'a source of that name exists, or it is set in the settings and changes there',
  unprocessable: 'an event type this service does not apply, an overlap beyond 90 days',
})
@Controller('feed-sources')
export class FeedSourceController {
  constructor(private readonly registry: FeedSourceRegistry) {}

  @Get()
  @Roles('admin')
  @ApiOperation({ summary: "The outside systems that may send on this service's feeds, with their scope and key ids (never a secret)" })
  list() {
    return this.registry.list();
  }

  @Get(':name')
  @Roles('admin')
  @ApiOperation({ summary: 'One feed source, with its scope and key ids' })
  show(@Param('name') name: string) {
    return this.registry.show(name);
  }

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Registers an outside system for the feeds; the answer carries its first key and secret, shown this once' })
  register(@CurrentPrincipal() principal: Principal, @Body() dto: RegisterFeedSourceDto) {
    return this.registry.register(principal.sub, dto);
  }

  @Put(':name')
  @Roles('admin')
  @ApiOperation({ summary: 'Replaces the event types a registered source may send and the org nodes it speaks for' })
  rescope(@Param('name') name: string, @Body() dto: FeedScopeDto) {
    return this.registry.rescope(name, dto);
  }

  @Post(':name/keys')
  @Roles('admin')
  @ApiOperation({ summary: 'Rotates the key: a new current key (its secret shown this once); every earlier key keeps working for at most the overlap (P0D: none, for a leaked key)' })
  rotate(@Param('name') name: string, @Body() dto: RotateFeedKeyDto) {
    // null is no overlap given, as a missing one: the default applies.
    // P0D is allowed: a leaked key is retired at once.
    const overlapMs = dto.overlap == null ? undefined : parseIsoDuration(dto.overlap, { zero: true });
    if (dto.overlap != null && overlapMs === undefined) throw new BadRequestException('overlap must be an ISO-8601 duration of weeks, days or hours, such as P7D');
    return this.registry.rotateKey(name, overlapMs);
  }

  @Delete(':name')
  @HttpCode(204)
  @Roles('admin')
  @ApiOperation({ summary: 'Removes a registered source; its messages are dead-lettered as unregistered from then on' })
  async remove(@Param('name') name: string): Promise<void> {
    await this.registry.remove(name);
  }
}
