// What workflow code may use at run time: definitions without schemas. The
// workflow bundle maps `@tollgate/contracts` here, because every workflow
// instance evaluates its modules afresh, and the event schemas would cost
// each cached workflow far more memory than its own state.
export * from './confirmation-delivery';
export * from './initiative-lifecycle';
export * from './initiative-projection';
export * from './stack-probe';
export * from './temporal';
export * from './sop-cycle';
export * from './sop-action';
export * from './decision-check';
export * from './initiative-import';
