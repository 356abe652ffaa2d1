import { loadConfig } from '../config';

describe('loadConfig', () => {
  it('reads integer settings from their strings and keeps the defaults of those unset', () => {
    const config = loadConfig({ PORT: '3001', HUSH_RISK_CHECK_MS: '0' });
    expect(config.PORT).toBe(3001);
    expect(config.HUSH_RISK_CHECK_MS).toBe(0);
    expect(config.HUSH_MAX_WINDOW_DAYS).toBe(730);
  });

  it('reads yes/no settings in any case, and leaves an empty one unset', () => {
    expect(loadConfig({ HUSH_DEMO: 'Yes', HUSH_IDE: 'off', HUSH_HEALTH_STRICT: '' })).toMatchObject({ HUSH_DEMO: true, HUSH_IDE: false });
    expect(loadConfig({ HUSH_HEALTH_STRICT: '' }).HUSH_HEALTH_STRICT).toBeUndefined();
  });

  it('names every setting out of its range, and one that is not a number', () => {
    expect(() => loadConfig({ PORT: '70000', HUSH_RISK_CHECK_MS: '-1', HUSH_MAX_WINDOW_DAYS: 'soon' })).toThrow(
      /PORT: max check failed\n {2}HUSH_RISK_CHECK_MS: min check failed\n {2}HUSH_MAX_WINDOW_DAYS: isInt, min check failed/,
    );
  });
});
