import { hmacSignatureProblem, signWithHmac } from './hmac-signature';

const secret = 'erp-shared-secret-2027';
const body = Buffer.from(JSON.stringify({ id: 'e-1', type: 'finance.value-confirmed', data: { amount: 120000 } }));

describe('the inbound signature', () => {
  it('accepts the HMAC-SHA256 of the value bytes under the right key', () => {
    expect(hmacSignatureProblem(body, signWithHmac(body, secret), secret)).toBeUndefined();
    expect(hmacSignatureProblem(body, Buffer.from(signWithHmac(body, secret).toUpperCase().replace('SHA256', 'sha256')), secret)).toBeUndefined();
  });

  it('refuses a signature made with another key', () => {
    expect(hmacSignatureProblem(body, signWithHmac(body, 'someone-elses-secret'), secret)).toBe('bad signature: it does not match the message');
  });

  it('refuses a message without the header, or with a malformed one', () => {
    expect(hmacSignatureProblem(body, undefined, secret)).toBe('bad signature: the x-tollgate-signature header is missing');
    expect(hmacSignatureProblem(body, 'md5=abc', secret)).toBe("bad signature: the header is not 'sha256=<64 hex digits>'");
  });

  it('refuses a tampered body', () => {
    const tampered = Buffer.from(body.toString().replace('120000', '920000'));
    expect(hmacSignatureProblem(tampered, signWithHmac(body, secret), secret)).toBe('bad signature: it does not match the message');
  });
});
