import { ApiProperty } from '@nestjs/swagger';
import { AUDIT_CHAIN_PROBLEMS, type AuditChainProblem } from '@tollgate/domain';

export class AuditChainBreakBody {
  @ApiProperty({ example: 2 })
  revision!: number;

  @ApiProperty({
    enum: AUDIT_CHAIN_PROBLEMS,
    description: '`changed`: the entry no longer matches its hash, or is not what the next entry was chained to; `removed`: the revision is missing; `head_mismatch`: the last entry is not the chain head the initiative keeps',
  })
  problem!: AuditChainProblem;

  @ApiProperty({ example: 'revision 2 no longer matches its hash' })
  detail!: string;
}

/** The answer of the audit trail's verification, for the OpenAPI document. */
export class AuditChainVerificationBody {
  @ApiProperty({ format: 'uuid' })
  initiativeId!: string;

  @ApiProperty({ description: 'every entry matches its hash and follows the one before, and the last is the chain head' })
  valid!: boolean;

  @ApiProperty({ description: 'the entries stored', example: 7 })
  entries!: number;

  @ApiProperty({ description: 'the revision the trail must reach, as the initiative keeps it', example: 7 })
  headRevision!: number;

  @ApiProperty({ type: AuditChainBreakBody, nullable: true, description: 'the first break in revision order; null when valid' })
  firstInvalid!: AuditChainBreakBody | null;

  @ApiProperty({ type: [Number], description: 'revisions never stored because the database refused them; each is listed at /api/projection-failures', example: [] })
  unrecorded!: number[];
}
