import { ApiProperty } from '@nestjs/swagger';
import { CHAT_FORMATS, type ChatFormat } from '@tollgate/domain';
import { IsIn, IsString, IsUrl, Matches, MaxLength, MinLength } from 'class-validator';

export class ChatWebhookDto {
  @ApiProperty({ example: 'Operations S&OP channel' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  @Matches(/\S/, { message: 'name must not be blank' })
  name!: string;

  @ApiProperty({ enum: CHAT_FORMATS, description: 'the message format the webhook takes: Slack incoming webhooks, or Teams (an Adaptive Card, as Teams workflows take it)' })
  @IsIn(CHAT_FORMATS)
  format!: ChatFormat;

  @ApiProperty({ example: 'https://hooks.slack.com/services/T000/B000/XXXX', description: 'the incoming webhook; it holds a secret, so it is never shown again, only its origin' })
  @IsString()
  @MaxLength(2000)
  @IsUrl({ protocols: ['https', 'http'], require_protocol: true, require_tld: false }, { message: 'url must be an http(s) address' })
  url!: string;
}
