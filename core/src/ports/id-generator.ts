/** Ids that sort by creation time (ULIDs in production), so RowKeys list in order. */
export interface IdGenerator {
  next(): string;
}
