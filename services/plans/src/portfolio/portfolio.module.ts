import { Module } from '@nestjs/common';
import { OrgNodeModule } from '../org-node/org-node.module';
import { PortfolioController } from './portfolio.controller';
import { PortfolioProjection } from './portfolio-projection.service';
import { PortfolioService } from './portfolio.service';

// PortfolioService is exported: the S&OP exceptions and pivot read the portfolio through it.
@Module({ imports: [OrgNodeModule], controllers: [PortfolioController], providers: [PortfolioProjection, PortfolioService], exports: [PortfolioService] })
export class PortfolioModule {}
