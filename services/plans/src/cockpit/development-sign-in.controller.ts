import { Body, Controller, Get, Inject, NotFoundException, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { issueDevelopmentToken, Public } from '@tollgate/auth';
import { ErrorAnswerBody, RateLimited } from '@tollgate/platform';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { DEMO_PEOPLE } from './demo-people';
import type { DemoPeopleView, DevelopmentTokenView } from '@tollgate/contracts/views';

export const DEVELOPMENT_JWT_SECRET = Symbol('DEVELOPMENT_JWT_SECRET');

/** How long a development sign-in lasts: a working day. */
const SIGN_IN_HOURS = 8;

export class DevelopmentSignInDto {
  @ApiProperty({ example: 'olivia', description: 'one of the demo people' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  sub!: string;
}

/**
 * The development sign-in: pick one of the demo people and receive a
 * development token. The module that holds it exists only outside
 * production, and only where the services verify a shared secret.
 */
@ApiTags('cockpit')
@Controller('development')
export class DevelopmentSignInController {
  constructor(@Inject(DEVELOPMENT_JWT_SECRET) private readonly jwtSecret: string) {}

  @Get('people')
  @Public()
  @ApiOperation({ summary: 'The demo people one may sign in as on a local stack (not in production)', security: [] })
  @ApiOkResponse({ description: 'the demo people with their roles and what each does in the demo' })
  people(): DemoPeopleView {
    return { people: DEMO_PEOPLE };
  }

  @Post('tokens')
  @Public()
  @RateLimited('signIn')
  @ApiOperation({ summary: 'A development token for one of the demo people (not in production)', security: [] })
  @ApiCreatedResponse({ description: 'the development token, when it expires, and the person it signs in' })
  @ApiNotFoundResponse({ description: 'no demo person has this id', type: ErrorAnswerBody })
  token(@Body() dto: DevelopmentSignInDto): DevelopmentTokenView {
    const person = DEMO_PEOPLE.find((candidate) => candidate.sub === dto.sub);
    if (!person) throw new NotFoundException(`no demo person '${dto.sub}'`);
    const expiresAt = new Date(Date.now() + SIGN_IN_HOURS * 3_600_000);
    const token = issueDevelopmentToken({ sub: person.sub, name: person.name, roles: person.roles }, this.jwtSecret, SIGN_IN_HOURS * 3600);
    return { token, expiresAt: expiresAt.toISOString(), person };
  }
}
