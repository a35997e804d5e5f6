/** The steps of an S&OP cycle as people name them. */
export const SOP_STEP_NAMES: Record<string, string> = {
  data_gathering: 'Data gathering',
  demand_review: 'Demand review',
  supply_review: 'Supply review',
  pre_sop: 'Pre-S&OP',
  executive_sop: 'Executive S&OP',
  published: 'Published',
};
