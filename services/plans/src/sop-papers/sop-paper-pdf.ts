import type { SopCyclePaperView } from '@tollgate/contracts/views';
import { dayInWords, decisionSoughtInWords, moneyInWords, monthInWords } from '@tollgate/domain';
import { readFileSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import { exceptionName } from './sop-paper-words';

const KIND_OF_DECISION: Record<string, string> = {
  approve_pivot: 'Pivot approved',
  reject_pivot: 'Pivot rejected',
  promote_scenario: 'Scenario promoted',
  accept_mitigation: 'Mitigation accepted',
  resolution: 'Resolution',
};

/**
 * DejaVu Sans, embedded (pdfkit subsets it): the PDF standard fonts write
 * Latin-1 only, and a node, a person or a mitigation may be named in Polish,
 * Czech, Greek or Russian. Read once, when the first paper is written.
 */
let fonts: { regular: Buffer; bold: Buffer } | null = null;
function paperFonts(): { regular: Buffer; bold: Buffer } {
  fonts ??= {
    regular: readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')),
    bold: readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf')),
  };
  return fonts;
}

/**
 * A paper as a PDF: a heading, then each section as the page shows it. Everything the paper
 * holds is written; nothing is drawn that a reader would need a colour for.
 */
export function paperPdf(paper: SopCyclePaperView): Promise<Buffer> {
  const document = new PDFDocument({ size: 'A4', margin: 50, info: { Title: titleOf(paper), Author: 'Tollgate', Subject: `S&OP review of ${paper.nodeName}, ${paper.period}` } });
  document.registerFont('Body', paperFonts().regular);
  document.registerFont('Body-Bold', paperFonts().bold);
  const chunks: Buffer[] = [];
  document.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    document.on('end', () => resolve(Buffer.concat(chunks)));
    document.on('error', reject);
  });
  const money = (amount: number | null) => (amount === null ? 'n/a' : moneyInWords(amount, paper.currency));
  const heading = (text: string) => document.moveDown(0.8).font('Body-Bold').fontSize(13).text(text).moveDown(0.3).font('Body').fontSize(10);
  const line = (text: string) => document.text(text, { paragraphGap: 4 });

  document.font('Body-Bold').fontSize(18).text(titleOf(paper));
  document.font('Body').fontSize(10).fillColor('#333333');
  line(`${paper.nodeName} · chaired by ${paper.chairId} · ${paper.paper === 'pre_read' ? 'issued' : 'published'} ${dayInWords(paper.issuedAt)}${paper.paper === 'pre_read' && paper.meetingDueAt ? ` · the meeting is due by ${dayInWords(paper.meetingDueAt)}` : ''}`);
  document.fillColor('#000000');

  if (paper.paper === 'pre_read') {
    heading(`What is off plan (${paper.exceptions.length}), the most at risk first`);
    if (paper.exceptions.length === 0) line('Nothing is off plan.');
    paper.exceptions.forEach((exception, index) => {
      const stake = exception.valueAtRisk ? `, ${money(exception.valueAtRisk)} at risk` : '';
      line(`${index + 1}. ${exceptionName(exception.kind)}: ${exception.subjectName ?? exception.subject}${stake}. Owner ${exception.ownerId}.`);
      line(
        exception.mitigation
          ? `    Mitigation: ${exception.mitigation.action} (${exception.mitigation.ownerId}, by ${dayInWords(exception.mitigation.dueDate)})`
          : `    No mitigation${exception.state === 'escalated' ? ' (escalated to the chair)' : ''}.`,
      );
    });
    heading('Pivots proposed');
    if (paper.pivots.length === 0) line('None.');
    for (const pivot of paper.pivots) line(`${pivot.move} ${pivot.title ?? pivot.initiativeId} (${pivot.programName ?? pivot.programId}), score ${pivot.score.toFixed(2)}`);
    heading('Decisions sought');
    if (paper.decisionsSought.length === 0) line('None.');
    for (const sought of paper.decisionsSought) line(decisionSoughtInWords(sought));
  } else {
    heading(`Decisions (${paper.decisions.length})`);
    if (paper.decisions.length === 0) line('No decision was taken.');
    for (const decision of paper.decisions) {
      line(`${KIND_OF_DECISION[decision.kind] ?? decision.kind}${decision.subjectName || decision.subject ? `: ${decision.subjectName ?? decision.subject}` : ''}, by ${decision.decidedBy}, ${dayInWords(decision.decidedAt)}`);
      line(`    Rationale: ${decision.rationale}`);
      if (decision.outcome && decision.outcome.length > 0) line(`    Done: ${decision.outcome.join('; ')}`);
    }
    heading(`Actions (${paper.actions.length})`);
    if (paper.actions.length === 0) line('No action was asked for.');
    for (const action of paper.actions) line(`${action.title}: ${action.ownerId}, due ${dayInWords(action.dueDate)} (${action.status}). Done when: ${action.doneWhen}`);
    heading('Still off plan at the meeting');
    line(paper.exceptions.length === 0 ? 'Nothing.' : paper.exceptions.map((exception) => `${exceptionName(exception.kind)}: ${exception.subjectName ?? exception.subject}`).join('; '));
  }
  heading('Who took part');
  line(paper.participants.join(', '));
  document.end();
  return done;
}

function titleOf(paper: SopCyclePaperView): string {
  return `${paper.paper === 'pre_read' ? 'Pre-read' : 'Minutes'}: S&OP review of ${monthInWords(paper.period)}`;
}
