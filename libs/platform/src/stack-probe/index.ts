export * from './stack-probe-receipt.entity';
export * from './stack-probe.entity';
export * from './stack-probe.module';
export * from './stack-probe.service';
