import { compileSelector, type SelectorEvent } from '..';

const matches = (selector: string, event: SelectorEvent) => compileSelector(selector)(event);

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

  describe('fields', () => {
    it.each([
      ["class equals 'Storage'"],
      ["severity equals 'CRITICAL'"],
      ["msg starts with 'disk'"],
      ["message starts with 'disk'"],
      ["host equals 'db-12.prod'"],
      ["object equals 'vol-7'"],
      ["_identifier equals '123'"],
      ["service equals 'svc-billing'"],
      ["region equals 'eu-west'"],
      ["attributes.region equals 'eu-west'"],
      ["app.kubernetes.io/name equals 'api'"],
    ])('reads %s from the event', (selector) => {
      expect(matches(selector, disk)).toBe(true);
    });

    it('compares non-string attributes through String()', () => {
      expect(matches("cpu equals '87.5'", disk)).toBe(true);
      expect(matches("flaky equals 'true'", disk)).toBe(true);
      expect(matches('retries greater than 2', disk)).toBe(true);
    });

    it('matches attribute keys exactly', () => {
      expect(matches("Region equals 'eu-west'", disk)).toBe(false);
      expect(matches("attributes.severity equals 'CRITICAL'", disk)).toBe(false);
      expect(matches("attributes.Severity equals 'x'", { attributes: { Severity: 'x' } })).toBe(true);
    });

    it('ignores attributes inherited from Object.prototype', () => {
      expect(matches("attributes.constructor contains 'function'", { attributes: {} })).toBe(false);
      expect(matches("attributes.toString not equals 'x'", { attributes: {} })).toBe(true);
      expect(matches("attributes.__proto__ contains 'object'", { attributes: {} })).toBe(false);
    });
  });

  describe('equals and not equals', () => {
    it('compare text case-sensitively', () => {
      expect(matches("severity equals 'CRITICAL'", disk)).toBe(true);
      expect(matches("severity equals 'critical'", disk)).toBe(false);
      expect(matches("severity not equals 'critical'", disk)).toBe(true);
      expect(matches("severity not equals 'CRITICAL'", disk)).toBe(false);
    });

    it('compare the whole value, not a part', () => {
      expect(matches("host equals 'db-12'", disk)).toBe(false);
    });

    it('compare numerically against a bare number', () => {
      expect(matches('_identifier equals 123', disk)).toBe(true);
      expect(matches('x equals 5', { attributes: { x: '5.0' } })).toBe(true);
      expect(matches('x equals 5', { attributes: { x: ' 5 ' } })).toBe(true);
      expect(matches('x equals 5', { attributes: { x: 5 } })).toBe(true);
      expect(matches('x equals 0', { attributes: { x: '-0' } })).toBe(true);
      expect(matches('x equals 16', { attributes: { x: '0x10' } })).toBe(false);
      expect(matches('x equals 0', { attributes: { x: '' } })).toBe(false);
      expect(matches('x not equals 5', { attributes: { x: 'five' } })).toBe(true);
    });

    it('compare a quoted number as text', () => {
      expect(matches("x equals '5'", { attributes: { x: '5.0' } })).toBe(false);
    });
  });

  describe('contains, starts with and ends with', () => {
    it('ignore case', () => {
      expect(matches("msg contains 'VAR IS'", disk)).toBe(true);
      expect(matches("msg starts with 'DISK'", disk)).toBe(true);
      expect(matches("msg ends with 'FULL'", disk)).toBe(true);
      expect(matches("host starts with 'DB-12.PROD'", disk)).toBe(true);
    });

    it('require the needle at the right place', () => {
      expect(matches("msg starts with 'full'", disk)).toBe(false);
      expect(matches("msg ends with 'disk'", disk)).toBe(false);
      expect(matches("msg contains 'disc'", disk)).toBe(false);
    });

    it('not contains negates contains', () => {
      expect(matches("msg not contains 'FULL'", disk)).toBe(false);
      expect(matches("msg not contains 'empty'", disk)).toBe(true);
    });

    it('treat an empty needle as found everywhere', () => {
      expect(matches("msg contains ''", disk)).toBe(true);
      expect(matches("msg not contains ''", disk)).toBe(false);
    });

    it('use the text of a bare number', () => {
      expect(matches('msg contains 95', disk)).toBe(true);
      expect(matches('host ends with 12.5', { host: 'v12.5' })).toBe(true);
    });
  });

  describe('matches', () => {
    it('searches anywhere in the value unless anchored', () => {
      expect(matches("host matches 'db-\\d+'", disk)).toBe(true);
      expect(matches("host matches '\\d+\\.prod'", disk)).toBe(true);
      expect(matches("host matches '^\\d+'", disk)).toBe(false);
      expect(matches("host matches '^db-\\d+$'", disk)).toBe(false);
      expect(matches("host matches '^db-\\d+\\.prod$'", disk)).toBe(true);
    });

    it('is case-sensitive', () => {
      expect(matches("severity matches '^crit'", disk)).toBe(false);
      expect(matches("severity matches '^CRIT'", disk)).toBe(true);
    });

    it('gives the same answer on every call (no lastIndex state)', () => {
      const matcher = compileSelector("host matches 'db'");
      expect([matcher(disk), matcher(disk), matcher(disk)]).toEqual([true, true, true]);
    });

    it('reads \\\\ in the quotes as one backslash', () => {
      expect(matches("msg matches '\\\\\\\\'", { message: 'C:\\temp' })).toBe(true);
      expect(matches("msg matches '^C:\\\\\\\\temp$'", { message: 'C:\\temp' })).toBe(true);
    });
  });

  describe('within', () => {
    it('splits a quoted value on commas and trims each item', () => {
      expect(matches("_identifier within '123,456'", disk)).toBe(true);
      expect(matches("_identifier within ' 456 , 123 '", disk)).toBe(true);
      expect(matches("_identifier within '12,1234'", disk)).toBe(false);
    });

    it('is case-sensitive', () => {
      expect(matches("severity within 'critical,major'", disk)).toBe(false);
      expect(matches("severity within ['critical', 'major']", disk)).toBe(false);
      expect(matches("severity within ['CRITICAL', 'MAJOR']", disk)).toBe(true);
    });

    it('drops empty items of the quoted form, so a trailing comma matches no empty value', () => {
      expect(matches("x within 'a,'", { attributes: { x: '' } })).toBe(false);
      expect(matches("x within ''", { attributes: { x: '' } })).toBe(false);
      expect(matches("x within ['']", { attributes: { x: '' } })).toBe(true);
    });

    it('keeps commas inside list items', () => {
      expect(matches("x within ['a,b', 'c']", { attributes: { x: 'a,b' } })).toBe(true);
      expect(matches("x within ['a,b', 'c']", { attributes: { x: 'a' } })).toBe(false);
    });

    it('compares numeric list items numerically', () => {
      expect(matches("x within [1, 2, 'three']", { attributes: { x: '2.0' } })).toBe(true);
      expect(matches("x within [1, 2, 'three']", { attributes: { x: 'three' } })).toBe(true);
      expect(matches("x within [1, 2, 'three']", { attributes: { x: '3' } })).toBe(false);
      expect(matches('x within []', { attributes: { x: '' } })).toBe(false);
    });
  });

  describe('greater than and less than', () => {
    it('compare numerically when both sides are numbers', () => {
      expect(matches('x greater than 9', { attributes: { x: '10' } })).toBe(true);
      expect(matches("x greater than '9'", { attributes: { x: '10' } })).toBe(true);
      expect(matches('x less than 9', { attributes: { x: '10' } })).toBe(false);
      expect(matches('x less than -1.5', { attributes: { x: -2 } })).toBe(true);
      expect(matches('x greater than 1', { attributes: { x: '1e3' } })).toBe(true);
    });

    it('are strict', () => {
      expect(matches('x greater than 10', { attributes: { x: '10.0' } })).toBe(false);
      expect(matches('x less than 10', { attributes: { x: '10' } })).toBe(false);
    });

    it('compare text by code unit when either side is not a number', () => {
      expect(matches("x greater than 'abc'", { attributes: { x: 'abd' } })).toBe(true);
      expect(matches("x less than 'b'", { attributes: { x: 'B' } })).toBe(true);
      expect(matches('x greater than 9', { attributes: { x: 'n/a' } })).toBe(true);
      expect(matches("x less than 'n/a'", { attributes: { x: '10' } })).toBe(true);
      expect(matches("x greater than ''", { attributes: { x: '' } })).toBe(false);
    });
  });

  describe('a missing field', () => {
    const bare: SelectorEvent = { host: null, attributes: { gone: null, undef: undefined } };

    it.each([
      ["host equals ''"],
      ["host contains ''"],
      ["host starts with ''"],
      ["host ends with ''"],
      ["host matches ''"],
      ["host within ['']"],
      ["host greater than ''"],
      ["host less than 'zzz'"],
      ["severity equals 'x'"],
      ["gone equals 'null'"],
      ["undef contains ''"],
      ["nokey matches '.*'"],
    ])('fails %s', (selector) => {
      expect(matches(selector, bare)).toBe(false);
    });

    it.each([["host not equals 'x'"], ["host not contains 'x'"], ["gone not equals 'null'"], ["nokey not contains ''"]])(
      'satisfies %s',
      (selector) => {
        expect(matches(selector, bare)).toBe(true);
      },
    );

    it('counts as missing when the event has no attributes at all', () => {
      expect(matches("region not equals 'x'", { attributes: null })).toBe(true);
      expect(matches("region equals 'x'", {})).toBe(false);
    });

    it('flips under NOT like any other comparison', () => {
      expect(matches("NOT host equals 'x'", bare)).toBe(true);
      expect(matches("NOT host not equals 'x'", bare)).toBe(false);
    });

    it('is present when empty', () => {
      expect(matches("host equals ''", { host: '' })).toBe(true);
      expect(matches("host not equals ''", { host: '' })).toBe(false);
    });
  });

  describe('boolean structure', () => {
    const e: SelectorEvent = { attributes: { a: '1', b: 'x', c: '3' } };

    it('evaluates AND before OR', () => {
      // a OR (b AND NOT c): true through a alone.
      expect(matches("a equals '1' OR b equals '2' AND NOT c equals '3'", e)).toBe(true);
      // (a OR b) AND NOT c would be false.
      expect(matches("(a equals '1' OR b equals '2') AND NOT c equals '3'", e)).toBe(false);
    });

    it('evaluates NOT on a group', () => {
      expect(matches("NOT (a equals '1' AND c equals '3')", e)).toBe(false);
      expect(matches("NOT (a equals '2' OR c equals '4')", e)).toBe(true);
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
