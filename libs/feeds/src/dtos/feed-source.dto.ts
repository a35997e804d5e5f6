import { ApiProperty } from '@nestjs/swagger';
import { FEED_SOURCE_NAME } from '@tollgate/config';
import { FEED_EVENT_TYPES } from '@tollgate/contracts';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

/** What a source may send and for which org nodes (each node and everything under it). */
export class FeedScopeDto {
  @ApiProperty({ example: ['sales.demand-actuals', 'sales.demand-forecast'], enum: FEED_EVENT_TYPES, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(FEED_EVENT_TYPES.length)
  @IsIn(FEED_EVENT_TYPES, { each: true })
  eventTypes!: string[];

  @ApiProperty({ example: ['4b0a6f7e-2f7c-4c55-9a53-1b0d8f2f9a10'], description: 'org node ids; a source speaks for each and for everything under it' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  @IsString({ each: true })
  @Matches(/^\S+$/, { each: true, message: 'each org node id is one word' })
  @MaxLength(200, { each: true })
  orgNodeIds!: string[];
}

export class RegisterFeedSourceDto extends FeedScopeDto {
  @ApiProperty({ example: 'crm-emea', description: 'what its messages carry in x-tollgate-source and as the envelope source', pattern: FEED_SOURCE_NAME.source })
  @IsString()
  @Matches(FEED_SOURCE_NAME, { message: 'name: lower-case letters, digits, dot, dash, underscore; at most 100, starting with a letter or digit' })
  name!: string;
}

export class RotateFeedKeyDto {
  @ApiProperty({ required: false, example: 'P7D', description: 'how long the earlier keys keep working, at most: a key already retiring later is cut short to it, and P0D retires them at once (ISO-8601 weeks, days or hours; default TOLLGATE_FEED_KEY_OVERLAP, at most 90 days)' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  overlap?: string;
}
