/** Where a piece of input came from: 1-based line and column, as editors show them. */
export interface SourcePos {
  file: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
}
