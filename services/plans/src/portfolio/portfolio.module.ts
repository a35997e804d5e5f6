import { Module } from '@nestjs/common';
import { OrgNodeModule } from '../org-node/org-node.module';
import { PortfolioController } from './portfolio.controller';
import { PortfolioProjection } from './portfolio-projection.service';
import { PortfolioService } from './portfolio.service';

@Module({ imports: [OrgNodeModule], controllers: [PortfolioController], providers: [PortfolioProjection, PortfolioService] })
export class PortfolioModule {}
