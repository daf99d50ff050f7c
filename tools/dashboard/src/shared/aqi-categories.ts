/**
 * The US EPA AQI categories with their official colours, in increasing severity. The front end
 * cannot import @pulse/schemas (it would bundle the validators), so the names are repeated
 * here; a spec keeps them equal to AQI_CATEGORIES.
 */
export const AQI_CATEGORY_STYLES = [
  { name: 'Good', colour: '#00e400', text: '#000' },
  { name: 'Moderate', colour: '#ffff00', text: '#000' },
  { name: 'Unhealthy for Sensitive Groups', colour: '#ff7e00', text: '#000' },
  { name: 'Unhealthy', colour: '#ff0000', text: '#fff' },
  { name: 'Very Unhealthy', colour: '#8f3f97', text: '#fff' },
  { name: 'Hazardous', colour: '#7e0023', text: '#fff' },
] as const;

export interface CategoryStyle {
  readonly name: string;
  readonly colour: string;
  readonly text: string;
}

const UNKNOWN: CategoryStyle = { name: 'Unknown', colour: '#9e9e9e', text: '#000' };

export function categoryStyle(name: string | null | undefined): CategoryStyle {
  return AQI_CATEGORY_STYLES.find((c) => c.name === name) ?? UNKNOWN;
}
