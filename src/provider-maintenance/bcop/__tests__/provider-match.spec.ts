import { namesProvider } from '../provider-match';

const transit = { name: 'Example Transit', slug: 'example-transit' };
const ntt = { name: 'NTT Communications', slug: 'ntt' };

describe('namesProvider', () => {
  it.each<[string, { name: string; slug: string }, boolean]>([
    ['example-transit.net', transit, true],
    ['noc.example-transit.net', transit, true],
    ['Example Transit GmbH', transit, true],
    ['EXAMPLE TRANSIT', transit, true],
    ['NTT (AS2914)', ntt, true],
    ['ntt.net', ntt, true],
    ['other-carrier.net', transit, false],
    ['NTT (AS2914)', transit, false],
    ['kestrel-networks.example', transit, false],
  ])('%s names %o: %s', (value, provider, expected) => {
    expect(namesProvider(value, provider)).toBe(expected);
  });
});
