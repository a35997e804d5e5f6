import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsOptional, IsString, IsUrl, MaxLength } from 'class-validator';

export class EvidenceDto {
  @ApiProperty({ example: 'Tender sent to five carriers; answers due 2027-02-15' })
  @IsString()
  @MaxLength(5000)
  text!: string;

  @ApiProperty({ required: false, type: [String], example: ['https://wiki.example/tender'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUrl({ require_tld: false }, { each: true, message: 'each link must be a URL' })
  links?: string[];
}
