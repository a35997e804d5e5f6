import { DomainError } from '@tollgate/platform';

export enum NotificationErrorCode {
  UnknownChatWebhook = 'unknown_chat_webhook',
  TooManyChatWebhooks = 'too_many_chat_webhooks',
  InsecureChatWebhook = 'insecure_chat_webhook',
}

/** The one exception of notifications and chat channels. */
export class NotificationError extends DomainError {
  static unknownWebhook(id: string): NotificationError {
    return new NotificationError(NotificationErrorCode.UnknownChatWebhook, 'not_found', `chat webhook ${id} not found on this node`);
  }

  static insecureWebhook(): NotificationError {
    return new NotificationError(NotificationErrorCode.InsecureChatWebhook, 'unprocessable', 'a chat webhook must be https in production: its address carries its secret');
  }

  static tooManyWebhooks(orgNodeId: string, limit: number): NotificationError {
    return new NotificationError(NotificationErrorCode.TooManyChatWebhooks, 'conflict', `org node ${orgNodeId} already has ${limit} chat webhooks; remove one first`);
  }
}
