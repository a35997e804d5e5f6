export * from './forecast-accuracy';
export * from './phantom-progress';
export * from './portfolio-pivot';
export * from './sop-exception';
export * from './target-waterfall';
export * from './sop-cycle';
