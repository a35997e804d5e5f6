import { dayInWords, NOTICE_KIND_WORDS, type NoticeKind } from '@tollgate/domain';

/** What a notification's mail says, as stored. */
export interface MailNotice {
  id: string;
  kind: NoticeKind;
  title: string;
  happened: string;
  asked: string | null;
  dueBy: string | null;
  link: string;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);

/**
 * A notification as a mail: what happened, what is asked and by when, and the
 * exact cockpit page, in a plain-text and an HTML body that say the same.
 * The Message-ID is the notification's own, so a mail sent again after a
 * crash between sending and recording is the same message to the reader's
 * mail client.
 */
export function mailOf(notice: MailNotice, cockpitUrl: string, from: string, to: string) {
  const url = `${cockpitUrl}${notice.link}`;
  const asked = notice.asked ? `${notice.asked}${notice.dueBy ? ` By ${dayInWords(notice.dueBy)}.` : ''}` : null;
  const text = [notice.happened, '', ...(asked ? [`What is asked of you: ${asked}`, ''] : []), `Open it in Tollgate: ${url}`, '', `-- ${NOTICE_KIND_WORDS[notice.kind]}. Change what you are told in Tollgate's settings.`].join('\n');
  const html = [
    `<p>${escapeHtml(notice.happened)}</p>`,
    ...(asked ? [`<p><strong>What is asked of you:</strong> ${escapeHtml(asked)}</p>`] : []),
    `<p><a href="${escapeHtml(url)}">Open it in Tollgate</a></p>`,
    `<p style="color:#666;font-size:small">${escapeHtml(NOTICE_KIND_WORDS[notice.kind])}. Change what you are told in Tollgate's settings.</p>`,
  ].join('\n');
  return { from, to, subject: notice.title, text, html, messageId: `<${notice.id}@tollgate>`, headers: { 'X-Tollgate-Notification': notice.id } };
}
