import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { Public } from '@tollgate/auth';
import { DEPENDENCY_CHECKS, DependencyCheck } from './dependency-check';

/** Readiness (200 when every dependency answers, 503 naming those that do not) and liveness. */
@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    @Inject(DEPENDENCY_CHECKS) private readonly checks: DependencyCheck[],
  ) {}

  // Liveness asks only whether the process serves: a restart cures a stuck
  // process, never a database or broker that is down, so an orchestrator must
  // not restart every replica while Kafka is away.
  @Get('live')
  @Public()
  @ApiOperation({ summary: 'Liveness: 200 while the process serves requests, whatever its dependencies' })
  @ApiOkResponse({ schema: { type: 'object', properties: { status: { type: 'string', enum: ['ok'] } }, required: ['status'] } })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

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
