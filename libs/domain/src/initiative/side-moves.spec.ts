import { checkForecastUpdate } from './forecast';
import { checkInitiativeDraft, draftProblems, type InitiativeDraft } from './initiative-draft';
import { CONTROLLER, factsFixture, OWNER, PMO, SPONSOR, VIEWER } from './initiative-fixture';
import { checkMilestoneCompletion, checkMilestoneReplan } from './milestone-rules';
import { checkPlanRevisionCommand } from './plan-revision';
import { readPortfolioMove } from './confirmation-payload';
import { checkPortfolioMove, checkSideMove } from './side-moves';

const now = Date.parse('2027-02-10T00:00:00Z');

describe('side moves', () => {
  it('an approved pivot holds or resumes an open initiative, and only where that changes something', () => {
    expect(checkPortfolioMove('hold', factsFixture())).toBeNull();
    expect(checkPortfolioMove('hold', factsFixture({ onHold: true }))).toMatchObject({ kind: 'conflict' });
    expect(checkPortfolioMove('resume', factsFixture())).toMatchObject({ kind: 'conflict' });
    expect(checkPortfolioMove('resume', factsFixture({ onHold: true }))).toBeNull();
    expect(checkPortfolioMove('hold', factsFixture({ cancelled: true }))).toMatchObject({ kind: 'conflict' });
    expect(readPortfolioMove({ decisionId: 'd1', move: 'hold', decidedBy: 'carl', reason: 'capacity' })).toMatchObject({ ok: true });
    expect(readPortfolioMove({ decisionId: 'd1', move: 'cancel', decidedBy: '', reason: '' })).toEqual({
      ok: false,
      reason: "move: expected 'hold' or 'resume'; decidedBy: expected an id; reason: expected a reason",
    });
  });

  it('the sponsor holds, resumes and cancels, with a reason', () => {
    expect(checkSideMove('hold', SPONSOR, factsFixture(), 'supplier strike')).toBeNull();
    expect(checkSideMove('hold', OWNER, factsFixture(), 'x')).toMatchObject({ kind: 'forbidden' });
    expect(checkSideMove('hold', SPONSOR, factsFixture({ onHold: true }), 'x')).toMatchObject({ kind: 'conflict' });
    expect(checkSideMove('resume', SPONSOR, factsFixture(), 'x')).toMatchObject({ kind: 'conflict' });
    expect(checkSideMove('resume', SPONSOR, factsFixture({ onHold: true }), 'strike over')).toBeNull();
    expect(checkSideMove('cancel', SPONSOR, factsFixture(), ' ')).toMatchObject({
      kind: 'unprocessable',
      message: 'a reason is required to cancel an initiative',
    });
    expect(checkSideMove('cancel', SPONSOR, factsFixture({ cancelled: true }), 'again')).toMatchObject({ kind: 'conflict' });
  });

  it('a PMO user rolls back one stage, never below 0', () => {
    expect(checkSideMove('rollback', PMO, factsFixture({ stage: 3 }), 'case was wrong')).toBeNull();
    expect(checkSideMove('rollback', SPONSOR, factsFixture({ stage: 3 }), 'x')).toMatchObject({
      kind: 'forbidden',
      message: "rolling back a stage requires the role 'pmo'",
    });
    expect(checkSideMove('rollback', PMO, factsFixture({ stage: 0 }), 'x')).toMatchObject({ kind: 'conflict' });
    expect(checkSideMove('rollback', PMO, factsFixture({ stage: 5 }), 'x')).toMatchObject({ kind: 'conflict' });
  });
});

describe('milestones', () => {
  const evidence = { text: 'tender sent to 5 carriers', links: [] };

  it('the owner completes an open milestone with evidence', () => {
    expect(checkMilestoneCompletion(OWNER, factsFixture(), 'ms1', evidence)).toBeNull();
    expect(checkMilestoneCompletion(SPONSOR, factsFixture(), 'ms1', evidence)).toMatchObject({ kind: 'forbidden' });
    expect(checkMilestoneCompletion(OWNER, factsFixture(), 'nope', evidence)).toMatchObject({ kind: 'not_found' });
    expect(checkMilestoneCompletion(OWNER, factsFixture(), 'ms1', { text: '', links: [] })).toMatchObject({ kind: 'unprocessable' });
    const done = factsFixture({
      milestones: [{ id: 'ms1', title: 'Tender sent', dueDate: '2027-01-31', completedAt: '2027-01-30T00:00:00Z', completedBy: 'olivia', evidence }],
    });
    expect(checkMilestoneCompletion(OWNER, done, 'ms1', evidence)).toMatchObject({ kind: 'conflict' });
  });

  it('the sponsor re-plans to a day not yet passed, with a reason', () => {
    expect(checkMilestoneReplan(SPONSOR, factsFixture(), 'ms1', '2027-03-15', 'carrier asked for time', now)).toBeNull();
    expect(checkMilestoneReplan(OWNER, factsFixture(), 'ms1', '2027-03-15', 'x', now)).toMatchObject({ kind: 'forbidden' });
    expect(checkMilestoneReplan(SPONSOR, factsFixture(), 'ms1', '2027-02-09', '', now)).toEqual({
      kind: 'unprocessable',
      message: expect.any(String),
      unmet: ['the new due date 2027-02-09 has already passed', 'a reason is required to re-plan a milestone'],
    });
    expect(checkMilestoneReplan(SPONSOR, factsFixture(), 'ms1', '2027-02-30', 'x', now)).toMatchObject({
      unmet: ["'2027-02-30' is not a YYYY-MM-DD date"],
    });
  });
});

describe('defining and revising an initiative', () => {
  const draft: InitiativeDraft = {
    title: 'Consolidate freight carriers',
    programId: 'program-1',
    ownerId: OWNER.id,
    sponsorId: SPONSOR.id,
    controllerId: null,
    category: 'logistics',
    currency: 'EUR',
    roughValue: 500_000,
    measures: [],
    oneTimeCosts: [],
    milestones: [],
  };

  it('an owner defines initiatives they own; a PMO user defines them for anyone', () => {
    expect(checkInitiativeDraft(OWNER, draft)).toBeNull();
    expect(checkInitiativeDraft(PMO, draft)).toBeNull();
    expect(checkInitiativeDraft({ id: 'other', roles: ['owner'] }, draft)).toMatchObject({
      kind: 'forbidden',
      message: "creating an initiative for someone else requires the role 'pmo'",
    });
    expect(checkInitiativeDraft(VIEWER, draft)).toMatchObject({ kind: 'forbidden' });
  });

  it('names every problem: separation of duties, rough value, currency, dates', () => {
    const violation = checkInitiativeDraft(PMO, {
      ...draft,
      sponsorId: OWNER.id,
      currency: 'euro',
      roughValue: null,
      milestones: [{ title: 'Kick-off', dueDate: '01/02/2027' }],
    });
    expect(violation?.unmet).toEqual([
      "'euro' is not an ISO 4217 currency code",
      'the sponsor must not be the owner',
      "milestone 'Kick-off': '01/02/2027' is not a YYYY-MM-DD date",
      'a rough value is required: planned values on a measure, or roughValue',
    ]);
  });

  it('names the field of every problem as data, for a form or a spreadsheet to mark', () => {
    const problems = draftProblems({ ...draft, title: ' ', sponsorId: OWNER.id, controllerId: OWNER.id, currency: 'euro', roughValue: null, milestones: [{ title: 'Kick-off', dueDate: '01/02/2027' }] });
    expect(problems.map((problem) => problem.field)).toEqual(['title', 'currency', 'sponsorId', 'controllerId', 'controllerId', 'milestones', 'roughValue']);
  });

  it('tells milestones and measures apart by name, so neither may repeat', () => {
    const violation = checkInitiativeDraft(OWNER, {
      ...draft,
      measures: [
        { name: 'Rates', category: 'cost', plannedValues: [] },
        { name: 'rates ', category: 'cost', plannedValues: [] },
      ],
      milestones: [
        { title: 'Go live', dueDate: '2027-05-01' },
        { title: 'Go Live', dueDate: '2027-06-01' },
      ],
    });
    expect(violation?.unmet).toEqual(["measure 'rates ' appears twice", "milestone 'Go Live' appears twice"]);
  });

  it('the plan is revised by the owner before stage 3 only', () => {
    expect(checkPlanRevisionCommand(OWNER, factsFixture({ stage: 2 }), { controllerId: CONTROLLER.id })).toBeNull();
    expect(checkPlanRevisionCommand(OWNER, factsFixture({ stage: 3 }), { oneTimeCosts: [] })).toMatchObject({ kind: 'conflict' });
    expect(checkPlanRevisionCommand(SPONSOR, factsFixture(), {})).toMatchObject({ kind: 'forbidden' });
    expect(checkPlanRevisionCommand(OWNER, factsFixture(), { controllerId: SPONSOR.id })).toMatchObject({
      unmet: ['the controller must not be the sponsor'],
    });
  });

  it('the owner updates the forecast of known measures', () => {
    const forecast = [{ measureId: 'm1', forecastValues: [{ period: '2027-01', amount: 80_000 }] }];
    expect(checkForecastUpdate(OWNER, factsFixture({ stage: 3 }), forecast)).toBeNull();
    expect(checkForecastUpdate(SPONSOR, factsFixture(), forecast)).toMatchObject({ kind: 'forbidden' });
    expect(checkForecastUpdate(OWNER, factsFixture(), [{ measureId: 'm9', forecastValues: [] }])).toMatchObject({
      unmet: ['measure m9 is not a measure of this initiative'],
    });
  });

  it("a planning system registered for the initiative's program updates the forecast; one of another program does not", () => {
    const forecast = [{ measureId: 'm1', forecastValues: [{ period: '2027-01', amount: 80_000 }] }];
    const system = { id: 'feed:anaplan', roles: [] };
    expect(checkForecastUpdate(system, factsFixture({ stage: 3 }), forecast, { source: 'anaplan', programIds: ['program-1'] })).toBeNull();
    expect(checkForecastUpdate(system, factsFixture(), forecast, { source: 'anaplan', programIds: ['program-2'] })).toEqual({
      kind: 'forbidden',
      message: "feed source 'anaplan' is not registered for program program-1",
    });
    expect(checkForecastUpdate(system, factsFixture(), forecast)).toMatchObject({ kind: 'forbidden' });
    expect(checkForecastUpdate(system, factsFixture({ stage: 5 }), forecast, { source: 'anaplan', programIds: ['program-1'] })).toMatchObject({ kind: 'conflict' });
  });
});
