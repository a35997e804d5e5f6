import { checkGateSubmission } from './gate-submission';
import { unmetGateCriteria } from './gate-criteria';
import { factsFixture, OWNER, PMO, requestFixture, SPONSOR } from './initiative-fixture';

const noDuplicates = { sameTitleInProgram: [] };
const evidence = { text: 'business case reviewed', links: ['https://wiki.example/case'] };

describe('gate criteria', () => {
  it('stage 1 names every unmet criterion, not only the first', () => {
    const facts = factsFixture({
      controllerId: null,
      measures: [{ id: 'm1', name: 'Rates', category: ' ', plannedValues: [], forecastValues: [] }],
    });
    expect(unmetGateCriteria(facts, 1, { sameTitleInProgram: ['INI-0007'] })).toEqual([
      'a controller must be named',
      "measure 'Rates' needs a category",
      "measure 'Rates' needs a planned value",
      "another open initiative in the program has the title 'Consolidate freight carriers' (INI-0007)",
    ]);
  });

  it('stage 1 needs at least one measure', () => {
    expect(unmetGateCriteria(factsFixture({ measures: [] }), 1, noDuplicates)).toEqual(['at least one measure is needed']);
  });

  it('stage 2 needs planned values above zero per period, one-time costs and milestones', () => {
    const facts = factsFixture({
      measures: [{ id: 'm1', name: 'Rates', category: 'cost', plannedValues: [{ period: '2027-13', amount: 0 }], forecastValues: [] }],
      oneTimeCosts: [],
      milestones: [],
    });
    expect(unmetGateCriteria(facts, 2, noDuplicates)).toEqual([
      "measure 'Rates': '2027-13' is not a YYYY-MM period",
      "measure 'Rates': the planned value for 2027-13 must be greater than 0",
      'the business case must state its one-time costs (an amount of 0 where there are none)',
      'the business case needs at least one milestone with a due date',
    ]);
  });

  it('a complete business case meets stages 1, 2 and 3', () => {
    const facts = factsFixture();
    expect(unmetGateCriteria(facts, 1, noDuplicates)).toEqual([]);
    expect(unmetGateCriteria(facts, 2, noDuplicates)).toEqual([]);
    expect(unmetGateCriteria(facts, 3, noDuplicates)).toEqual([]);
  });

  it('stage 4 needs every milestone completed with evidence', () => {
    const facts = factsFixture({
      milestones: [
        { id: 'a', title: 'Tender sent', dueDate: '2027-01-31', completedAt: '2027-01-20T10:00:00Z', completedBy: 'olivia', evidence: { text: 'sent', links: [] } },
        { id: 'b', title: 'Contracts signed', dueDate: '2027-03-31', completedAt: null, completedBy: null, evidence: null },
      ],
    });
    expect(unmetGateCriteria(facts, 4, noDuplicates)).toEqual(["milestone 'Contracts signed' is not completed with evidence"]);
  });
});

describe('gate submission', () => {
  it('is refused to anyone but the owner', () => {
    expect(checkGateSubmission(SPONSOR, factsFixture(), 1, evidence, undefined, noDuplicates)).toMatchObject({ kind: 'forbidden' });
    expect(checkGateSubmission(PMO, factsFixture(), 1, evidence, undefined, noDuplicates)).toMatchObject({ kind: 'forbidden' });
  });

  it('accepts the next stage only, and never stage 5', () => {
    expect(checkGateSubmission(OWNER, factsFixture(), 1, evidence, undefined, noDuplicates)).toBeNull();
    expect(checkGateSubmission(OWNER, factsFixture(), 2, evidence, undefined, noDuplicates)).toMatchObject({
      kind: 'conflict',
      message: 'the initiative is at stage 0; the next gate is to stage 1, not 2',
    });
    expect(checkGateSubmission(OWNER, factsFixture({ stage: 4 }), 5, evidence, undefined, noDuplicates)).toMatchObject({ kind: 'conflict' });
  });

  it('is blocked on hold, while another request is pending, and once cancelled', () => {
    expect(checkGateSubmission(OWNER, factsFixture({ onHold: true }), 1, evidence, undefined, noDuplicates)).toMatchObject({ kind: 'conflict' });
    expect(checkGateSubmission(OWNER, factsFixture(), 1, evidence, requestFixture(), noDuplicates)).toMatchObject({
      kind: 'conflict',
      message: 'gate request g1 to stage 1 is still pending',
    });
    expect(checkGateSubmission(OWNER, factsFixture({ cancelled: true }), 1, evidence, undefined, noDuplicates)).toMatchObject({ kind: 'conflict' });
  });

  it('lists every unmet criterion, and missing evidence among them', () => {
    const violation = checkGateSubmission(OWNER, factsFixture({ controllerId: null }), 1, { text: ' ', links: [] }, undefined, noDuplicates);
    expect(violation).toEqual({
      kind: 'unprocessable',
      message: expect.stringContaining('the gate to stage 1 (Identified) is not met'),
      unmet: ['a controller must be named', 'the request needs evidence: a statement of what was done'],
    });
  });
});
