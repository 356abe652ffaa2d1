import { containsPattern } from '../contains-pattern';

describe('containsPattern', () => {
  it('wraps the text in % and takes its own wildcards and backslashes literally', () => {
    expect(containsPattern('db-1')).toBe('%db-1%');
    expect(containsPattern('50%_off\\now')).toBe('%50\\%\\_off\\\\now%');
  });
});
