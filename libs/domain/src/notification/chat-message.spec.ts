import { chatNoticeOf, chatPayload } from './chat-message';
import type { Notice } from './notice';

const notice = (recipientId: string): Notice => ({
  recipientId,
  kind: 'gate_awaiting_key',
  about: 'i1',
  title: '“Dock <slots>” asks for the gate to DoI 2 (Detailed)',
  happened: 'olivia asked on 1 Mar 2027 for it.',
  asked: 'Approve or reject it with your key.',
  by: '2027-03-11',
  link: '/initiatives/i1',
  valueAtStake: 10,
  currency: 'EUR',
});

describe('a chat channel’s message', () => {
  const told = chatNoticeOf([notice('sam'), notice('pat'), notice('sam')], 'https://tollgate.example.com')!;

  it('is one message per event, naming whom it asks', () => {
    expect(told).toMatchObject({ people: ['sam', 'pat'], url: 'https://tollgate.example.com/initiatives/i1' });
    expect(chatNoticeOf([], 'x')).toBeNull();
  });

  it('reads as Slack takes it, markup escaped, with the link', () => {
    const payload = chatPayload('slack', told) as { text: string; blocks: { text: { text: string } }[] };
    expect(payload.text).toContain('“Dock &lt;slots&gt;” asks for the gate');
    expect(payload.blocks[0].text.text).toBe(
      '*<https://tollgate.example.com/initiatives/i1|“Dock &lt;slots&gt;” asks for the gate to DoI 2 (Detailed)>*\nolivia asked on 1 Mar 2027 for it.\nAsked of sam, pat: Approve or reject the request with a key of the gate. By 11 Mar 2027.',
    );
  });

  it('reads as Teams takes it: an Adaptive Card with a button to the page', () => {
    const payload = chatPayload('teams', told) as { attachments: { contentType: string; content: { actions: { url: string }[]; body: { text: string }[] } }[] };
    expect(payload.attachments[0].contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(payload.attachments[0].content.actions).toEqual([{ type: 'Action.OpenUrl', title: 'Open in Tollgate', url: 'https://tollgate.example.com/initiatives/i1' }]);
    expect(payload.attachments[0].content.body.map((block) => block.text)).toContain('Asked of sam, pat: Approve or reject the request with a key of the gate. By 11 Mar 2027.');
  });
});
