import type { Measurements, QualityCode } from '@pulse/schemas';
import { readingFlags } from './reading-flags';

describe('readingFlags (one reading, canonical units)', () => {
  it.each<[string, Measurements, QualityCode[]]>([
    ['a clean reading', { pm25: 12.4, pm10: 20.1, o3: 41, no2: 17, co: 0.4, so2: 3, temperature: 18.5, humidity: 54 }, []],
    ['the edges of every range', { pm25: 1000, pm10: 2000, o3: 1000, no2: 3000, so2: 3000, co: 100, temperature: -60, humidity: 1 }, []],
    ['70 °C, the hottest plausible', { temperature: 70 }, []],
    ['−61 °C', { temperature: -61 }, ['temperature-out-of-range']],
    ['71 °C, also plausible as °F', { temperature: 71 }, ['temperature-out-of-range', 'suspect-unit']],
    ['158 °F sent as °C', { temperature: 158 }, ['temperature-out-of-range', 'suspect-unit']],
    ['291.65 K sent as °C', { temperature: 291.65 }, ['temperature-out-of-range', 'suspect-unit']],
    ['180 °C, neither °F nor K', { temperature: 180 }, ['temperature-out-of-range']],
    ['PM2.5 beyond the sensor', { pm25: 1500 }, ['beyond-sensor-range']],
    ['PM10 beyond the sensor', { pm10: 2001 }, ['beyond-sensor-range']],
    ['NO2 at 1.5× full scale: likelier 4.5 ppb sent as ppm than real', { no2: 4500 }, ['beyond-sensor-range', 'suspect-unit']],
    ['O3 in ppb-sized numbers labelled ppm (41 × 1000)', { o3: 41_000 }, ['beyond-sensor-range', 'suspect-unit']],
    ['CO in ppb-sized numbers labelled ppm', { co: 400 }, ['beyond-sensor-range', 'suspect-unit']],
    ['CO beyond even at 1/1000', { co: 200_000 }, ['beyond-sensor-range']],
    ['humidity as a fraction', { humidity: 0.54 }, ['suspect-unit']],
    ['humidity 0 (a dry sensor fault, not a fraction)', { humidity: 0 }, []],
  ])('%s', (_label, measurements, expected) => {
    // Act
    const flags = readingFlags(measurements);

    // Assess
    expect(flags).toEqual(expected);
  });
});
