import type { Notice, NoticeKind } from './notice';
import { dayInWords } from './occasion';

/** The incoming-webhook formats a chat channel takes. */
export const CHAT_FORMATS = ['slack', 'teams'] as const;

export type ChatFormat = (typeof CHAT_FORMATS)[number];

/**
 * What a node's chat channel is told of one event: one message, whoever the
 * notices went to, naming them, with what is asked and the page.
 */
export interface ChatNotice {
  title: string;
  happened: string;
  asked: string | null;
  by: string | null;
  /** Whom the event asks something of, by id. */
  people: string[];
  /** The full address of the cockpit page. */
  url: string;
}

/** What is asked, said to a channel rather than to one of the people asked ("with your sponsor key" is for the sponsor). */
const ASKED_IN_A_CHANNEL: Partial<Record<NoticeKind, string>> = {
  gate_awaiting_key: 'Approve or reject the request with a key of the gate.',
};

/**
 * One channel message for the notices of one event; null when there is none.
 * It names everyone the event asks something of, whatever each chose to
 * receive by mail: the channel is the team's view, not a person's inbox.
 */
export function chatNoticeOf(notices: readonly Notice[], cockpitUrl: string): ChatNotice | null {
  const [first] = notices;
  if (!first) return null;
  return {
    title: first.title,
    happened: first.happened,
    asked: first.asked === null ? null : (ASKED_IN_A_CHANNEL[first.kind] ?? first.asked),
    by: first.by,
    people: [...new Set(notices.map((notice) => notice.recipientId))],
    url: `${cockpitUrl}${first.link}`,
  };
}

function lines(notice: ChatNotice): string[] {
  return [
    notice.happened,
    ...(notice.asked ? [`Asked of ${notice.people.join(', ')}: ${notice.asked}${notice.by ? ` By ${dayInWords(notice.by)}.` : ''}`] : [`Told: ${notice.people.join(', ')}.`]),
  ];
}

// Slack's mrkdwn treats these three as markup: escaped as Slack documents.
const slackText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The JSON body an incoming webhook takes: Slack's (a text, and blocks with
 * a link), or Teams' (an Adaptive Card in a message, as Teams' workflows for
 * incoming webhooks take it).
 */
export function chatPayload(format: ChatFormat, notice: ChatNotice): Record<string, unknown> {
  if (format === 'slack') {
    const body = lines(notice).map(slackText).join('\n');
    return {
      text: `${slackText(notice.title)}: ${body}`,
      blocks: [
        { type: 'section', text: { type: 'mrkdwn', text: `*<${notice.url}|${slackText(notice.title)}>*\n${body}` } },
      ],
    };
  }
  return {
    type: 'message',
    attachments: [
      {
        contentType: 'application/vnd.microsoft.card.adaptive',
        content: {
          $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
          type: 'AdaptiveCard',
          version: '1.4',
          body: [
            { type: 'TextBlock', text: notice.title, weight: 'Bolder', size: 'Medium', wrap: true },
            ...lines(notice).map((text) => ({ type: 'TextBlock', text, wrap: true })),
          ],
          actions: [{ type: 'Action.OpenUrl', title: 'Open in Tollgate', url: notice.url }],
        },
      },
    ],
  };
}
