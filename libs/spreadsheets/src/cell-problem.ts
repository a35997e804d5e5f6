/** A cell that cannot be imported, named as the person who fixes the file sees it. */
export interface CellProblem {
  sheet: string;
  row: number;
  /** The column's header; null when the problem is the row as a whole. */
  column: string | null;
  message: string;
}
