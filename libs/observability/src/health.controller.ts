import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { Public } from '@tollgate/auth';
import { DEPENDENCY_CHECKS, DependencyCheck } from './dependency-check';

/** Liveness and readiness: 200 when every dependency answers, 503 naming those that do not. */
@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    @Inject(DEPENDENCY_CHECKS) private readonly checks: DependencyCheck[],
  ) {}

  @Get()
  @Public()
  @HealthCheck()
  @ApiOperation({ summary: 'Health of the service and of its database, Kafka and Temporal' })
  check() {
    return this.health.check(
      this.checks.map((dependency) => async () => {
        const indicator = this.indicators.check(dependency.name);
        const started = Date.now();
        try {
          await dependency.check();
          return indicator.up({ latencyMs: Date.now() - started });
        } catch (error) {
          return indicator.down({ message: (error as Error).message || String(error) });
        }
      }),
    );
  }
}
