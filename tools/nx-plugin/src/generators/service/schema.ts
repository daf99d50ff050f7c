/** Options of `nx g @pulse/tools:service`, as declared in schema.json. */
export interface ServiceGeneratorSchema {
  readonly name: string;
  /** Export name of the @pulse/schemas contract the subscription consumes. */
  readonly consumes?: string;
}
