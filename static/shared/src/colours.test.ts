import { progressTone, seriesColour, seriesColours, toneBackground } from './colours';

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

describe('seriesColour', () => {
  it('gives distinct colours, then starts again', () => {
    expect(new Set(seriesColours).size).toBe(seriesColours.length);
    expect(seriesColour(0)).toBe(seriesColours[0]);
    expect(seriesColour(seriesColours.length)).toBe(seriesColours[0]);
    expect(seriesColour(1)).toBe('var(--ds-background-accent-purple-bolder, #6E5DC6)');
  });
});
