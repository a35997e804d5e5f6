import { Module } from '@nestjs/common';
import { ConfirmationController } from '../confirmation/confirmation.controller';
import { ConfirmationLedger } from '../confirmation/confirmation-ledger.service';
import { ErpConfirmationIntake } from '../confirmation/erp-confirmation-intake.service';
import { LifecycleDeliveryDispatcher } from '../delivery/lifecycle-delivery-dispatcher.service';
import { LifecycleSignaller } from '../delivery/lifecycle-signaller.service';
import { LedgerController } from './ledger.controller';
import { LedgerProjection } from './ledger-projection.service';
import { LedgerService } from './ledger.service';

/** The value ledger: projection of initiative events, confirmations from people and finance systems, their delivery to the lifecycles. */
@Module({
  controllers: [ConfirmationController, LedgerController],
  providers: [LedgerProjection, LedgerService, ConfirmationLedger, ErpConfirmationIntake, LifecycleDeliveryDispatcher, LifecycleSignaller],
  exports: [LifecycleSignaller],
})
export class LedgerModule {}
