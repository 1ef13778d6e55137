import type { Style } from '../style.js';

export interface RenderOptions {
  now: Date;
  style: Style;
}
