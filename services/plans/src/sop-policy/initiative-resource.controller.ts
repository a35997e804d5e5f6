import { Body, Controller, Get, Param, Put, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@tollgate/auth';
import { ApiCreatedOrExisting } from '@tollgate/platform';
import { ResourcesDto } from './dtos/sop-policy.dto';
import { InitiativeResourceService } from './initiative-resource.service';
import { SopPolicyErrorAnswers } from './sop-policy-error-answers';

interface StatusResponse {
  status(code: number): unknown;
}

@ApiTags('S&OP policy')
@ApiBearerAuth()
@SopPolicyErrorAnswers('no resources recorded for the initiative')
@Controller('initiative-resources/:initiativeId')
export class InitiativeResourceController {
  constructor(private readonly resources: InitiativeResourceService) {}

  @Put()
  @Roles('pmo', 'admin')
  @ApiCreatedOrExisting({ created: 'the resources, recorded the first time', existing: 'the resources, replaced' })
  @ApiOperation({ summary: 'Records what an initiative needs to go on (budget in minor units, FTE), for the portfolio pivot; 201 the first time, then 200' })
  async write(
    @CurrentPrincipal() principal: Principal,
    @Param('initiativeId') initiativeId: string,
    @Body() dto: ResourcesDto,
    @Res({ passthrough: true }) response: StatusResponse,
  ) {
    const result = await this.resources.write(principal, initiativeId, dto);
    response.status(result.created ? 201 : 200);
    return result.body;
  }

  @Get()
  @ApiOperation({ summary: 'What an initiative needs to go on' })
  show(@Param('initiativeId') initiativeId: string) {
    return this.resources.show(initiativeId);
  }
}
