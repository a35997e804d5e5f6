import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@tollgate/auth';
import { ApiErrorAnswers } from '@tollgate/platform';
import { ChatWebhookService } from './chat-webhook.service';
import { ChatWebhookDto } from './dtos/chat-webhook.dto';

@ApiTags('Notifications')
@ApiBearerAuth()
@ApiErrorAnswers({ notFound: 'unknown org node, or no such webhook on it', conflict: 'the node already has five chat webhooks', unprocessable: 'an http webhook in production' })
@Controller('org-nodes/:nodeId/chat-webhooks')
export class ChatWebhookController {
  constructor(private readonly webhooks: ChatWebhookService) {}

  @Get()
  @Roles('admin', 'pmo')
  @ApiOperation({ summary: "A node's chat channels: what happens under the node is posted to each; their addresses are shown by origin only" })
  list(@Param('nodeId') nodeId: string) {
    return this.webhooks.list(nodeId);
  }

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Adds a chat channel (a Slack or Teams incoming webhook) to an organization, unit or program' })
  add(@CurrentPrincipal() principal: Principal, @Param('nodeId') nodeId: string, @Body() dto: ChatWebhookDto) {
    return this.webhooks.add(principal, nodeId, dto);
  }

  @Delete(':webhookId')
  @Roles('admin')
  @HttpCode(204)
  @ApiOperation({ summary: 'Removes a chat channel; what was waiting for it is given up' })
  async remove(@Param('nodeId') nodeId: string, @Param('webhookId') webhookId: string): Promise<void> {
    await this.webhooks.remove(nodeId, webhookId);
  }
}
