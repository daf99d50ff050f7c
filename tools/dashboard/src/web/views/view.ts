/** A mounted view: its element and what to undo when another view replaces it. */
export interface View {
  readonly root: HTMLElement;
  /** The title announced and focused on navigation. */
  readonly heading: HTMLElement;
  dispose(): void;
}
