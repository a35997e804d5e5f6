import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsString, Matches, MaxLength, Min, MinLength } from 'class-validator';

export class ConfirmationDto {
  @ApiProperty({ example: 'GL-2027-03-0042', description: 'the idempotency key: the same id again answers the first result' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  confirmationId!: string;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  initiativeId!: string;

  @ApiProperty({ example: '2027-03' })
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'period must be a YYYY-MM month' })
  period!: string;

  @ApiProperty({ example: 120000, description: 'minor units (cents)' })
  @IsInt()
  @Min(0)
  amount!: number;

  @ApiProperty({ example: 'EUR' })
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code such as EUR' })
  currency!: string;

  @ApiProperty({ example: 'GL 2027-03 freight savings' })
  @IsString()
  @MaxLength(500)
  reference!: string;
}

export class ClosureRejectionDto {
  @ApiProperty({ description: 'the idempotency key of the rejection' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  rejectionId!: string;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  initiativeId!: string;

  @ApiProperty({ example: 'the March ledger shows no freight savings' })
  @IsString()
  @MinLength(1, { message: 'a rejection needs a reason' })
  @MaxLength(2000)
  reason!: string;
}
