import { Body, Controller, Get, Headers, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@tollgate/auth';
import { ApiCreatedOrExisting, ApiErrorAnswers, idempotencyKey } from '@tollgate/platform';
import { CreateOrgNodeDto } from './dtos/create-org-node.dto';
import { ListOrgNodesQuery } from './dtos/list-org-nodes.query';
import { OrgNodeService } from './org-node.service';
import type { OrgNodeListView, OrgNodeWithChildrenView } from '@tollgate/contracts/views';

interface StatusResponse {
  status(code: number): unknown;
}

@ApiTags('org hierarchy')
@ApiBearerAuth()
@ApiErrorAnswers({
  notFound: 'unknown org node',
  conflict: 'a sibling already has the name',
  unprocessable: 'misplaced: a program sits under a business unit, a business unit under an organization, an organization at the top; or the parent is unknown',
})
@Controller('org-nodes')
export class OrgNodeController {
  constructor(private readonly nodes: OrgNodeService) {}

  @Post()
  @Roles('admin')
  @ApiCreatedOrExisting({ created: 'the node', existing: 'the node created before with the same Idempotency-Key' })
  @ApiOperation({ summary: 'Add an organization, a business unit under it, or a program under a business unit; announced as plans.org-node-created' })
  async create(
    @CurrentPrincipal() principal: Principal,
    @Body() dto: CreateOrgNodeDto,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) response: StatusResponse,
  ) {
    const result = await this.nodes.create(principal, dto, idempotencyKey(key));
    response.status(result.created ? 201 : 200);
    return result.body;
  }

  @Get()
  @ApiOperation({ summary: "The organizations, the nodes of a kind, or the nodes whose name holds `q` (at most 50, by name), each with the names above it" })
  list(@Query() query: ListOrgNodesQuery): Promise<OrgNodeListView> {
    return this.nodes.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A node with its children' })
  get(@Param('id') id: string): Promise<OrgNodeWithChildrenView> {
    return this.nodes.get(id);
  }
}
