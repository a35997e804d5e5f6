import { claimsOf } from './openid-sign-in';

// As a provider encodes it: UTF-8, then base64url without padding.
const base64url = (text: string) => btoa(String.fromCharCode(...new TextEncoder().encode(text))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const jwt = (claims: object) => `e30.${base64url(JSON.stringify(claims))}.signature`;

describe('reading a token the provider issued', () => {
  it('reads the claims of a JWT, accents included', () => {
    expect(claimsOf(jwt({ sub: 'olivia', name: 'Olivia Ørsted' }))).toEqual({ sub: 'olivia', name: 'Olivia Ørsted' });
    expect(() => claimsOf('opaque-token')).toThrow('not a JWT');
  });
});
