import { Controller, Get, Module, NotFoundException } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { INestApplication } from '@nestjs/common';
import { DomainError } from './domain-error';
import { HttpExceptionFilter } from './http-exception.filter';

class CycleError extends DomainError {}

// A controller as any service writes one, with no error decorator of its own.
@Controller('cycles')
class CycleController {
  @Get('refused')
  refused(): never {
    throw new CycleError('cycle_wrong_step', 'conflict', "the cycle is at step 'demand_review', not 'supply_review'", ['step is supply_review']);
  }

  @Get('missing')
  missing(): never {
    throw new NotFoundException('cycle c-1 not found');
  }

  @Get('broken')
  broken(): never {
    throw new Error('a bug');
  }
}

@Module({ controllers: [CycleController] })
class CycleModule {}

describe('the one exception filter of every service', () => {
  let app: INestApplication;
  let base: string;

  beforeAll(async () => {
    app = await NestFactory.create(CycleModule, { logger: false });
    app.useGlobalFilters(new HttpExceptionFilter());
    await app.listen(0, '127.0.0.1');
    base = await app.getUrl();
  });

  afterAll(async () => {
    await app?.close();
  });

  const answer = async (path: string) => {
    const response = await fetch(`${base}${path}`);
    return { status: response.status, body: await response.json() };
  };

  it('answers a domain error thrown from a controller without any decorator with its status, code and unmet criteria', async () => {
    expect(await answer('/cycles/refused')).toEqual({
      status: 409,
      body: { statusCode: 409, error: 'Conflict', message: "the cycle is at step 'demand_review', not 'supply_review'", code: 'cycle_wrong_step', unmet: ['step is supply_review'] },
    });
  });

  it('answers Nest exceptions as they are, and anything else as a 500 that says nothing of it', async () => {
    expect(await answer('/cycles/missing')).toEqual({ status: 404, body: { statusCode: 404, error: 'Not Found', message: 'cycle c-1 not found' } });
    expect(await answer('/cycles/broken')).toEqual({ status: 500, body: { statusCode: 500, error: 'Internal Server Error', message: 'Internal server error' } });
  });
});
