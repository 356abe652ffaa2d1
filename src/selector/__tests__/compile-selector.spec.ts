import { compileSelector, type SelectorEvent } from '..';

const matches = (selector: string, event: SelectorEvent) => compileSelector(selector)(event);

// Three tables of selectors and verdicts, one for each kind of event they are tried on; comments group them by what they show.
describe('compileSelector', () => {
  const disk: SelectorEvent = {
    class: 'Storage',
    severity: 'CRITICAL',
    message: 'Disk /var is 95% full',
    host: 'db-12.prod',
    objectId: 'vol-7',
    identifier: '123',
    serviceId: 'svc-billing',
    attributes: { region: 'eu-west', cpu: 87.5, retries: 3, flaky: true, owner: null, 'app.kubernetes.io/name': 'api' },
  };

  it.each<[string, boolean]>([
    // Each field is read from the event; any other name is an attribute, bare or as attributes.<key>.
    ["class equals 'Storage'", true],
    ["severity equals 'CRITICAL'", true],
    ["msg starts with 'disk'", true],
    ["message starts with 'disk'", true],
    ["host equals 'db-12.prod'", true],
    ["object equals 'vol-7'", true],
    ["_identifier equals '123'", true],
    ["service equals 'svc-billing'", true],
    ["region equals 'eu-west'", true],
    ["attributes.region equals 'eu-west'", true],
    ["app.kubernetes.io/name equals 'api'", true],
    // Non-string attributes compare through String().
    ["cpu equals '87.5'", true],
    ["flaky equals 'true'", true],
    ['retries greater than 2', true],
    // Attribute keys match exactly.
    ["Region equals 'eu-west'", false],
    ["attributes.severity equals 'CRITICAL'", false],
    // equals and not equals compare text case-sensitively (the match is among the fields above), and the whole value, not a part.
    ["severity equals 'critical'", false],
    ["severity not equals 'critical'", true],
    ["severity not equals 'CRITICAL'", false],
    ["host equals 'db-12'", false],
    // ... but numerically against a bare number.
    ['_identifier equals 123', true],
    // contains, starts with and ends with ignore case, but need the needle at the right place.
    ["msg contains 'VAR IS'", true],
    ["msg starts with 'DISK'", true],
    ["msg ends with 'FULL'", true],
    ["host starts with 'DB-12.PROD'", true],
    ["msg starts with 'full'", false],
    ["msg ends with 'disk'", false],
    ["msg contains 'disc'", false],
    // not contains negates contains.
    ["msg not contains 'FULL'", false],
    ["msg not contains 'empty'", true],
    // An empty needle is found everywhere.
    ["msg contains ''", true],
    ["msg not contains ''", false],
    // contains takes a bare number as its text.
    ['msg contains 95', true],
    // matches searches anywhere in the value unless anchored, case-sensitively.
    ["host matches 'db-\\d+'", true],
    ["host matches '\\d+\\.prod'", true],
    ["host matches '^\\d+'", false],
    ["host matches '^db-\\d+$'", false],
    ["host matches '^db-\\d+\\.prod$'", true],
    ["severity matches '^crit'", false],
    ["severity matches '^CRIT'", true],
    // within splits a quoted value on commas and trims each item; items compare case-sensitively.
    ["_identifier within '123,456'", true],
    ["_identifier within ' 456 , 123 '", true],
    ["_identifier within '12,1234'", false],
    ["severity within 'critical,major'", false],
    ["severity within ['critical', 'major']", false],
    ["severity within ['CRITICAL', 'MAJOR']", true],
  ])('%s on the disk event: %s', (selector, expected) => {
    expect(matches(selector, disk)).toBe(expected);
  });

  it.each<[string, unknown, boolean]>([
    // equals compares numerically against a bare number, and a quoted number as text.
    ['x equals 5', '5.0', true],
    ['x equals 5', ' 5 ', true],
    ['x equals 5', 5, true],
    ['x equals 0', '-0', true],
    ['x equals 16', '0x10', false],
    ['x equals 0', '', false],
    ['x not equals 5', 'five', true],
    ["x equals '5'", '5.0', false],
    // within drops empty items of the quoted form, so a trailing comma matches no empty value.
    ["x within 'a,'", '', false],
    ["x within ''", '', false],
    ["x within ['']", '', true],
    // within keeps commas inside list items, and compares numeric list items numerically.
    ["x within ['a,b', 'c']", 'a,b', true],
    ["x within ['a,b', 'c']", 'a', false],
    ["x within [1, 2, 'three']", '2.0', true],
    ["x within [1, 2, 'three']", 'three', true],
    ["x within [1, 2, 'three']", '3', false],
    ['x within []', '', false],
    // greater than and less than compare numerically when both sides are numbers, strictly...
    ['x greater than 9', '10', true],
    ["x greater than '9'", '10', true],
    ['x less than 9', '10', false],
    ['x less than -1.5', -2, true],
    ['x greater than 1', '1e3', true],
    ['x greater than 10', '10.0', false],
    ['x less than 10', '10', false],
    // ... and by code unit when either side is not a number.
    ["x greater than 'abc'", 'abd', true],
    ["x less than 'b'", 'B', true],
    ['x greater than 9', 'n/a', true],
    ["x less than 'n/a'", '10', true],
    ["x greater than ''", '', false],
  ])('%s with x = %j: %s', (selector, x, expected) => {
    expect(matches(selector, { attributes: { x } })).toBe(expected);
  });

  const bare: SelectorEvent = { host: null, attributes: { gone: null, undef: undefined } };
  const abc: SelectorEvent = { attributes: { a: '1', b: 'x', c: '3' } };

  it.each<[string, SelectorEvent, boolean]>([
    // A missing field fails every comparison, and so satisfies the negated ones...
    ["host equals ''", bare, false],
    ["host contains ''", bare, false],
    ["host starts with ''", bare, false],
    ["host ends with ''", bare, false],
    ["host matches ''", bare, false],
    ["host within ['']", bare, false],
    ["host greater than ''", bare, false],
    ["host less than 'zzz'", bare, false],
    ["severity equals 'x'", bare, false],
    ["gone equals 'null'", bare, false],
    ["undef contains ''", bare, false],
    ["nokey matches '.*'", bare, false],
    ["host not equals 'x'", bare, true],
    ["host not contains 'x'", bare, true],
    ["gone not equals 'null'", bare, true],
    ["nokey not contains ''", bare, true],
    // ... and flips under NOT like any other comparison.
    ["NOT host equals 'x'", bare, true],
    ["NOT host not equals 'x'", bare, false],
    // AND binds tighter than OR: a OR (b AND NOT c) is true through a alone, (a OR b) AND NOT c would be false.
    ["a equals '1' OR b equals '2' AND NOT c equals '3'", abc, true],
    ["(a equals '1' OR b equals '2') AND NOT c equals '3'", abc, false],
    // NOT applies to a group.
    ["NOT (a equals '1' AND c equals '3')", abc, false],
    ["NOT (a equals '2' OR c equals '4')", abc, true],
    // An event without attributes lacks every attribute; an empty value is present.
    ["region not equals 'x'", { attributes: null }, true],
    ["region equals 'x'", {}, false],
    ["host equals ''", { host: '' }, true],
    ["host not equals ''", { host: '' }, false],
    // Attribute keys match exactly, and none is inherited from Object.prototype.
    ["attributes.Severity equals 'x'", { attributes: { Severity: 'x' } }, true],
    ["attributes.constructor contains 'function'", { attributes: {} }, false],
    ["attributes.toString not equals 'x'", { attributes: {} }, true],
    ["attributes.__proto__ contains 'object'", { attributes: {} }, false],
    // ends with takes a bare number as its text.
    ['host ends with 12.5', { host: 'v12.5' }, true],
    // matches reads \\ in the quotes as one backslash.
    ["msg matches '\\\\\\\\'", { message: 'C:\\temp' }, true],
    ["msg matches '^C:\\\\\\\\temp$'", { message: 'C:\\temp' }, true],
  ])('%s on %j: %s', (selector, event, expected) => {
    expect(matches(selector, event)).toBe(expected);
  });

  it('gives the same answer on every call to matches (no lastIndex state)', () => {
    const matcher = compileSelector("host matches 'db'");
    expect([matcher(disk), matcher(disk), matcher(disk)]).toEqual([true, true, true]);
  });

  it('short-circuits: a comparison that cannot change the result is not evaluated', () => {
    const trap: SelectorEvent = {
      attributes: {
        a: '1',
        get b(): string {
          throw new Error('b was read');
        },
      },
    };
    expect(matches("a equals '1' OR b equals 'x'", trap)).toBe(true);
    expect(matches("a equals '2' AND b equals 'x'", trap)).toBe(false);
  });

  it('compiles once: the matcher can be reused across events', () => {
    const isProdDb = compileSelector("host matches '^db-' AND host ends with '.PROD'");
    expect([disk, { host: 'db-1.staging' }, { host: 'web-1.prod' }, { host: 'db-9.prod' }].map(isProdDb)).toEqual([
      true,
      false,
      false,
      true,
    ]);
  });
});
