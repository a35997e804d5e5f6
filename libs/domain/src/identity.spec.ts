import { IDENTITY_MAX_LENGTH, identityProblem } from './identity';

describe('an identity the records can keep', () => {
  it('takes what an identity provider issues: names, e-mail addresses, opaque ids, letters of any script', () => {
    for (const identity of ['olivia', 'olivia@example.com', '248289761001', 'auth0|5f7c8ec7c33c6c004bbafe82', 'Zoë Ångström', '山田太郎', 'x'.repeat(IDENTITY_MAX_LENGTH)]) {
      expect({ identity, problem: identityProblem(identity) }).toEqual({ identity, problem: null });
    }
  });

  it.each([
    ['', 'is empty'],
    ['   ', 'is empty'],
    ['x'.repeat(IDENTITY_MAX_LENGTH + 1), 'is longer than 200 characters'],
    ['oli\u0000via', 'contains a NUL character'],
    ['oli\ud800via', 'contains a lone UTF-16 surrogate'],
    ['oli\u0007via', 'contains a control character'],
    ['oli\u200bvia', 'contains an invisible or direction-changing character'],
    ['\u202eaivilo', 'contains an invisible or direction-changing character'],
    ['oli\u2066via\u2069', 'contains an invisible or direction-changing character'],
    [' olivia', 'has spaces around it'],
    ['Zoe\u0308', 'is not in Unicode normal form C'],
  ])('refuses %j: it %s', (identity, problem) => {
    expect(identityProblem(identity)).toBe(problem);
  });
});
