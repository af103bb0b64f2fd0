import { progressTone, toneBackground } from './colours';

describe('progressTone', () => {
  it.each([
    ['running, below 75 %', { ratio: 0.74, breached: false, stopped: false }, 'information'],
    ['running, at 75 %', { ratio: 0.75, breached: false, stopped: false }, 'warning'],
    ['breached wins over everything', { ratio: 0.2, breached: true, stopped: true }, 'danger'],
    ['stopped in time', { ratio: 0.9, breached: false, stopped: true }, 'success'],
  ] as const)('%s', (_name, input, tone) => {
    expect(progressTone(input)).toBe(tone);
  });
});

describe('toneBackground', () => {
  it('uses the design token with the light theme value as fallback', () => {
    expect(toneBackground('danger')).toBe('var(--ds-background-danger-bold, #C9372C)');
  });
});
