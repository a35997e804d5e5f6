import { Body, Controller, Get, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@tollgate/auth';
import { ApiCreatedOrExisting, ApiErrorAnswers } from '@tollgate/platform';
import { DataSource, In } from 'typeorm';
import { LifecycleDelivery } from '../delivery/lifecycle-delivery.entity';
import { ClosureRejection } from './closure-rejection.entity';
import { Confirmation } from './confirmation.entity';
import { ConfirmationError } from './confirmation.error';
import { ConfirmationLedger } from './confirmation-ledger.service';
import { ClosureRejectionDto, ConfirmationDto } from './dtos/confirmation.dto';
import type { ConfirmationDeliveryView, ConfirmationView, InitiativeConfirmationsView } from '@tollgate/contracts/views';

interface StatusResponse {
  status(code: number): unknown;
}

const UNIQUE_VIOLATION = '23505';

function confirmationView(confirmation: Confirmation): ConfirmationView {
  return {
    confirmationId: confirmation.confirmationId,
    initiativeId: confirmation.initiativeId,
    period: confirmation.period,
    amount: confirmation.amount,
    currency: confirmation.currency,
    reference: confirmation.reference,
    controllerId: confirmation.controllerId,
    source: confirmation.source,
    confirmedAt: confirmation.confirmedAt.toISOString(),
  };
}

function deliveryView(delivery: LifecycleDelivery | null): ConfirmationDeliveryView | null {
  if (!delivery) return null;
  return {
    state: delivery.outcome ?? 'pending',
    deliveredAt: delivery.deliveredAt?.toISOString() ?? null,
    attempts: delivery.attempts,
    nextAttemptAt: delivery.deliveredAt ? null : delivery.nextAttemptAt.toISOString(),
    lastError: delivery.lastError,
  };
}

function rejectionView(rejection: ClosureRejection) {
  return { ...rejection, rejectedAt: rejection.rejectedAt.toISOString() };
}

@ApiTags('confirmations')
@ApiBearerAuth()
@ApiErrorAnswers({
  notFound: 'unknown initiative or confirmation',
  conflict: 'the id was used before for other data; no closure is pending',
  unprocessable: 'a rule is not met: another currency than the initiative’s',
})
@Controller()
export class ConfirmationController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly ledger: ConfirmationLedger,
  ) {}

  @Post('confirmations')
  @Roles('controller')
  @ApiCreatedOrExisting({ created: 'the confirmation, recorded', existing: 'the confirmation recorded before under the same confirmationId' })
  @ApiOperation({ summary: 'Confirm realized value: 201, or 200 with the first result when the confirmationId was seen before' })
  async confirm(@CurrentPrincipal() principal: Principal, @Body() dto: ConfirmationDto, @Res({ passthrough: true }) response: StatusResponse): Promise<ConfirmationView> {
    const input = { ...dto, controllerId: principal.sub };
    const result = await this.retryingOnRace(() => this.dataSource.transaction((manager) => this.ledger.confirm(manager, input, 'api')));
    if (result.created) this.ledger.published();
    response.status(result.created ? 201 : 200);
    return confirmationView(result.confirmation);
  }

  @Get('confirmations/:confirmationId')
  @ApiOperation({ summary: 'A confirmation, as recorded' })
  async get(@Param('confirmationId') confirmationId: string) {
    const confirmation = await this.dataSource.getRepository(Confirmation).findOneBy({ confirmationId });
    if (!confirmation) throw ConfirmationError.unknownConfirmation(confirmationId);
    const delivery = await this.dataSource.getRepository(LifecycleDelivery).findOneBy({ kind: 'value_confirmed', recordId: confirmationId });
    // When it reached the lifecycle: `pending` until then, `lifecycle_ended` when the initiative had already closed or been cancelled.
    return { ...confirmationView(confirmation), delivery: deliveryView(delivery) };
  }

  @Get('initiatives/:id/confirmations')
  @ApiOperation({ summary: "The confirmations under an initiative's confirmed value, newest period first, each with who confirmed it, its ledger reference and when it reached the lifecycle" })
  async confirmationsOf(@Param('id') id: string): Promise<InitiativeConfirmationsView> {
    const confirmations = await this.dataSource.getRepository(Confirmation).find({ where: { initiativeId: id }, order: { period: 'DESC', confirmedAt: 'DESC' }, take: 1000 });
    const deliveries = confirmations.length
      ? await this.dataSource.getRepository(LifecycleDelivery).find({ where: { kind: 'value_confirmed', recordId: In(confirmations.map((confirmation) => confirmation.confirmationId)) } })
      : [];
    const byRecord = new Map(deliveries.map((delivery) => [delivery.recordId, delivery]));
    return {
      initiativeId: id,
      confirmations: confirmations.map((confirmation) => ({ ...confirmationView(confirmation), delivery: deliveryView(byRecord.get(confirmation.confirmationId) ?? null) })),
    };
  }

  @Post('closure-rejections')
  @Roles('controller')
  @ApiCreatedOrExisting({ created: 'the rejection, recorded', existing: 'the rejection recorded before under the same rejectionId' })
  @ApiOperation({ summary: "Reject an initiative's pending closure with a reason; the owner may ask again" })
  async reject(@CurrentPrincipal() principal: Principal, @Body() dto: ClosureRejectionDto, @Res({ passthrough: true }) response: StatusResponse) {
    const input = { ...dto, controllerId: principal.sub };
    const result = await this.retryingOnRace(() => this.dataSource.transaction((manager) => this.ledger.reject(manager, input)));
    if (result.created) this.ledger.published();
    response.status(result.created ? 201 : 200);
    return rejectionView(result.rejection);
  }

  // Two requests with the same id at once: the second insert fails on the key,
  // and a second pass answers the first result.
  private async retryingOnRace<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if ((error as { driverError?: { code?: string } }).driverError?.code === UNIQUE_VIOLATION) return work();
      throw error;
    }
  }
}
