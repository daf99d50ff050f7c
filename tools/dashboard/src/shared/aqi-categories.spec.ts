import { AQI_CATEGORIES } from '@pulse/schemas';
import { AQI_CATEGORY_STYLES, categoryStyle } from './aqi-categories';

describe('AQI category styles', () => {
  it('names exactly the contract categories, in order', () => {
    expect(AQI_CATEGORY_STYLES.map((c) => c.name)).toEqual([...AQI_CATEGORIES]);
  });

  it('falls back to a grey "Unknown" for a name outside the contract', () => {
    expect(categoryStyle('Smoky')).toEqual({ name: 'Unknown', colour: '#9e9e9e', text: '#000' });
    expect(categoryStyle('Unhealthy').colour).toBe('#ff0000');
  });
});
