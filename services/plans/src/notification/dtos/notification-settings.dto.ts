import { ApiProperty } from '@nestjs/swagger';
import { MAIL_ADDRESS } from '@tollgate/auth';
import { NOTICE_DELIVERIES, NOTICE_KINDS, type NoticeDelivery, type NoticeKind } from '@tollgate/domain';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsObject, IsOptional, IsString, Matches, Max, MaxLength, Min, Validate, ValidatorConstraint, type ValidatorConstraintInterface } from 'class-validator';

/** Each key a kind of notice, each value a delivery: nothing else. */
@ValidatorConstraint({ name: 'deliveries' })
class DeliveriesByKind implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
    return Object.entries(value).every(([kind, delivery]) => (NOTICE_KINDS as readonly string[]).includes(kind) && (NOTICE_DELIVERIES as readonly unknown[]).includes(delivery));
  }

  defaultMessage(): string {
    return `deliveries must map kinds (${NOTICE_KINDS.join(', ')}) to ${NOTICE_DELIVERIES.join(', ')}`;
  }
}

/** A time zone the runtime knows (IANA names: Europe/Berlin, UTC). */
@ValidatorConstraint({ name: 'timeZone' })
class KnownTimeZone implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    if (typeof value !== 'string' || value.length > 64) return false;
    try {
      new Intl.DateTimeFormat('en', { timeZone: value });
      return true;
    } catch {
      return false;
    }
  }

  defaultMessage(): string {
    return 'timeZone must be an IANA time zone such as Europe/Berlin';
  }
}

export class NotificationSettingsDto {
  @ApiProperty({ required: false, nullable: true, example: 'olivia@example.com', description: 'where mail goes; null to stop mail; absent keeps the address the identity provider gave' })
  @IsOptional()
  @IsString()
  @MaxLength(254)
  @Matches(MAIL_ADDRESS, { message: 'email must be a mail address' })
  email?: string | null;

  @ApiProperty({ required: false, example: { decision_checked: 'immediate', action_reminder: 'digest' }, description: `per kind (${NOTICE_KINDS.join(', ')}): immediate, digest or off; kinds left out keep their default` })
  @IsOptional()
  @IsObject()
  @Validate(DeliveriesByKind)
  deliveries?: Partial<Record<NoticeKind, NoticeDelivery>>;

  @ApiProperty({ required: false, example: 8, description: 'the hour of the daily digest, 0 to 23, in timeZone' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(23)
  digestHour?: number;

  @ApiProperty({ required: false, example: 'Europe/Berlin' })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @Validate(KnownTimeZone)
  timeZone?: string;
}

export class NotificationsQuery {
  @ApiProperty({ required: false, description: 'only those about this initiative, action or decision' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  about?: string;

  @ApiProperty({ required: false, default: 50, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1)
  @Max(200)
  limit: number = 50;

  @ApiProperty({ required: false, enum: ['pending', 'sent', 'dead', 'unsent'] })
  @IsOptional()
  @IsIn(['pending', 'sent', 'dead', 'unsent'])
  status?: string;
}
