import { freezeBaseline, checkPlanRevision } from './baseline';
import { checkClosureRequest, checkConfirmation, isValueConfirmed, type ValueConfirmation } from './closure';
import { CONTROLLER, factsFixture, OWNER, SPONSOR } from './initiative-fixture';

const confirmation: ValueConfirmation = {
  confirmationId: 'c1',
  period: '2027-03',
  amount: 120_000,
  currency: 'EUR',
  controllerId: CONTROLLER.id,
  reference: 'GL-4711',
  confirmedAt: '2027-04-02T09:00:00Z',
};

describe('closure rules', () => {
  it('the owner requests closure from stage 4 only', () => {
    expect(checkClosureRequest(OWNER, factsFixture({ stage: 4 }), 'none')).toBeNull();
    expect(checkClosureRequest(OWNER, factsFixture({ stage: 4 }), 'rejected')).toBeNull();
    expect(checkClosureRequest(OWNER, factsFixture({ stage: 3 }), 'none')).toMatchObject({ kind: 'conflict' });
    expect(checkClosureRequest(SPONSOR, factsFixture({ stage: 4 }), 'none')).toMatchObject({ kind: 'forbidden' });
    expect(checkClosureRequest(OWNER, factsFixture({ stage: 4 }), 'pending_confirmation')).toMatchObject({
      kind: 'conflict',
      message: 'closure is already pending confirmation by finance',
    });
    expect(checkClosureRequest(OWNER, factsFixture({ stage: 5 }), 'closed')).toMatchObject({ kind: 'conflict' });
  });

  it('a confirmation counts only from a controller who neither owns nor sponsors the initiative, in its currency', () => {
    const facts = factsFixture();
    expect(checkConfirmation(confirmation, facts)).toBeNull();
    expect(checkConfirmation({ ...confirmation, controllerId: SPONSOR.id }, facts)).toMatchObject({ kind: 'forbidden' });
    expect(checkConfirmation({ ...confirmation, controllerId: OWNER.id }, facts)).toMatchObject({ kind: 'forbidden' });
    expect(checkConfirmation({ ...confirmation, currency: 'USD' }, facts)).toMatchObject({
      kind: 'unprocessable',
      message: "the confirmation is in USD; the initiative's values are in EUR",
    });
    expect(checkConfirmation({ ...confirmation, amount: 1.5 }, facts)).toMatchObject({ kind: 'unprocessable' });
  });

  it('value counts as confirmed once any confirmation arrived', () => {
    expect(isValueConfirmed([])).toBe(false);
    expect(isValueConfirmed([confirmation])).toBe(true);
  });
});

describe('the frozen baseline', () => {
  it('planned values change before stage 3 only', () => {
    expect(checkPlanRevision(2)).toBeNull();
    expect(checkPlanRevision(3)).toMatchObject({ kind: 'conflict' });
    expect(checkPlanRevision(4)).toMatchObject({ kind: 'conflict' });
  });

  it('freezing copies the plan and starts an empty forecast from it, keeping a forecast already given', () => {
    const [measure] = factsFixture().measures;
    const [frozen] = freezeBaseline([measure]);
    expect(frozen.forecastValues).toEqual(measure.plannedValues);
    expect(frozen.plannedValues).not.toBe(measure.plannedValues);
    const withForecast = { ...measure, forecastValues: [{ period: '2027-01', amount: 90_000 }] };
    expect(freezeBaseline([withForecast])[0].forecastValues).toEqual([{ period: '2027-01', amount: 90_000 }]);
  });
});
