import { stageName, type Stage } from '../stage';
import { hasEvidence } from './evidence';
import type { InitiativeFacts } from './initiative-facts';
import { periodAmountProblems } from './measure';

/** What the rules cannot see inside one initiative: the other open initiatives of its program with the same title. */
export interface GateContext {
  sameTitleInProgram: string[];
}

type GateTarget = 1 | 2 | 3 | 4;

function identifiedCriteria(facts: InitiativeFacts, context: GateContext): string[] {
  const unmet: string[] = [];
  if (!facts.ownerId) unmet.push('an owner must be named');
  if (!facts.sponsorId) unmet.push('a sponsor must be named');
  if (!facts.controllerId) unmet.push('a controller must be named');
  if (facts.measures.length === 0) unmet.push('at least one measure is needed');
  for (const measure of facts.measures) {
    if (!measure.category.trim()) unmet.push(`measure '${measure.name}' needs a category`);
    if (!measure.plannedValues.some((value) => value.amount > 0)) unmet.push(`measure '${measure.name}' needs a planned value`);
  }
  if (context.sameTitleInProgram.length > 0) {
    unmet.push(`another open initiative in the program has the title '${facts.title}' (${context.sameTitleInProgram.join(', ')})`);
  }
  return unmet;
}

function detailedCriteria(facts: InitiativeFacts): string[] {
  const unmet: string[] = [];
  if (facts.measures.length === 0) unmet.push('the business case needs at least one measure');
  for (const measure of facts.measures) {
    if (measure.plannedValues.length === 0) unmet.push(`measure '${measure.name}' needs planned values per period`);
    unmet.push(...periodAmountProblems(measure.plannedValues, `measure '${measure.name}'`));
    for (const value of measure.plannedValues) {
      if (value.amount <= 0) unmet.push(`measure '${measure.name}': the planned value for ${value.period} must be greater than 0`);
    }
  }
  if (facts.oneTimeCosts.length === 0) unmet.push('the business case must state its one-time costs (an amount of 0 where there are none)');
  unmet.push(...periodAmountProblems(facts.oneTimeCosts, 'one-time costs'));
  if (facts.milestones.length === 0) unmet.push('the business case needs at least one milestone with a due date');
  return unmet;
}

function decidedCriteria(facts: InitiativeFacts): string[] {
  // The go decision itself is the two keys; the case they decide on must still hold.
  const unmet = detailedCriteria(facts);
  if (!facts.controllerId) unmet.push('a controller must be named to hold the second key');
  return unmet;
}

function implementedCriteria(facts: InitiativeFacts): string[] {
  return facts.milestones
    .filter((milestone) => milestone.completedAt === null || !hasEvidence(milestone.evidence))
    .map((milestone) => `milestone '${milestone.title}' is not completed with evidence`);
}

/**
 * Every criterion to enter `target` that the initiative does not meet, in a
 * stable order; empty when the gate may be requested.
 */
export function unmetGateCriteria(facts: InitiativeFacts, target: GateTarget, context: GateContext): string[] {
  switch (target) {
    case 1:
      return identifiedCriteria(facts, context);
    case 2:
      return detailedCriteria(facts);
    case 3:
      return decidedCriteria(facts);
    case 4:
      return implementedCriteria(facts);
  }
}

export function isGateTarget(stage: number): stage is GateTarget {
  return stage >= 1 && stage <= 4;
}

export function gateTitle(target: Stage): string {
  return `the gate to stage ${target} (${stageName(target)})`;
}
