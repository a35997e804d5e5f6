import { dayInWords, digestSections, moneyInWords, NOTICE_KIND_WORDS, type DigestItem, type NoticeKind } from '@tollgate/domain';

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

/** One notice of a digest, as stored. */
export interface DigestMailItem extends DigestItem {
  id: string;
}

/**
 * A person's daily digest as one mail: what waits for them, grouped by kind
 * and ranked by what is at stake, each with what is asked, by when, and its
 * page.
 */
export function digestMailOf(items: readonly DigestMailItem[], day: string, cockpitUrl: string, from: string, to: string, digestId: string) {
  const sections = digestSections(items);
  const line = (item: DigestMailItem) =>
    `${item.title}${item.asked ? `: ${item.asked}` : ''}${item.dueBy ? ` By ${dayInWords(item.dueBy)}.` : ''}${item.valueAtStake ? ` (${moneyInWords(item.valueAtStake, item.currency ?? 'EUR')} at stake)` : ''}`;
  const text = [
    `What waits for you in Tollgate, ${dayInWords(day)}:`,
    '',
    ...sections.flatMap((section) => [section.heading, ...section.items.map((item) => `- ${line(item)}\n  ${cockpitUrl}${item.link}`), '']),
    `All of it: ${cockpitUrl}/notifications`,
  ].join('\n');
  const html = [
    `<p>What waits for you in Tollgate, ${escapeHtml(dayInWords(day))}:</p>`,
    ...sections.map((section) => `<h3>${escapeHtml(section.heading)}</h3>\n<ul>\n${section.items.map((item) => `<li><a href="${escapeHtml(`${cockpitUrl}${item.link}`)}">${escapeHtml(line(item))}</a></li>`).join('\n')}\n</ul>`),
    `<p><a href="${escapeHtml(`${cockpitUrl}/notifications`)}">All of it in Tollgate</a></p>`,
  ].join('\n');
  const count = items.length;
  return { from, to, subject: `Your Tollgate digest for ${dayInWords(day)}: ${count} ${count === 1 ? 'thing' : 'things'} waiting`, text, html, messageId: `<${digestId}@tollgate>` };
}
