import { categoryStyle } from '../../shared/aqi-categories';
import { h } from '../dom';

/** The category's colour always comes with its name in text, in a contrasting colour. */
export function categoryBadge(category: string): HTMLElement {
  const style = categoryStyle(category);
  const badge = h('span', { class: 'category' }, style.name === 'Unknown' ? category || 'Unknown' : style.name);
  paintCategory(badge, category);
  return badge;
}

export function paintCategory(element: HTMLElement, category: string): void {
  const style = categoryStyle(category);
  element.style.backgroundColor = style.colour;
  element.style.color = style.text;
}
