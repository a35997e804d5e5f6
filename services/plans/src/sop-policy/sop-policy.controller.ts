import { Body, Controller, Get, Param, Put, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@tollgate/auth';
import { ApiCreatedOrExisting } from '@tollgate/platform';
import { SopPolicyDto } from './dtos/sop-policy.dto';
import { SopPolicyErrorAnswers } from './sop-policy-error-answers';
import { SopPolicyService } from './sop-policy.service';

interface StatusResponse {
  status(code: number): unknown;
}

@ApiTags('S&OP policy')
@ApiBearerAuth()
@SopPolicyErrorAnswers('unknown org node')
@Controller('org-nodes/:id/sop-policy')
export class SopPolicyController {
  constructor(private readonly policies: SopPolicyService) {}

  @Put()
  @Roles('admin')
  @ApiCreatedOrExisting({ created: 'the policy in force, the node had none of its own', existing: 'the policy in force, the node’s own replaced' })
  @ApiOperation({ summary: "Sets the node's own policy as a whole (201 the first time, then 200): mitigation owner, value and volume thresholds, pivot capacity" })
  async write(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Body() dto: SopPolicyDto,
    @Res({ passthrough: true }) response: StatusResponse,
  ) {
    const result = await this.policies.write(principal, id, dto);
    response.status(result.created ? 201 : 200);
    return result.body;
  }

  @Get()
  @ApiOperation({ summary: "The policy in force: the node's own, else its nearest ancestor's, else the settings (inheritedFrom says which)" })
  show(@Param('id') id: string) {
    return this.policies.effectivePolicy(id);
  }
}
