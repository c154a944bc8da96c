import {
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  VerticalAlignTable,
  WidthType,
} from 'docx';

/**
 * A fixed-width, borderless table without cell padding, the usual way to set two blocks side by side
 * in Vietnamese administrative documents (heading; signatures and "Nơi nhận").
 */
export function borderlessTable(
  columnWidths: readonly number[],
  rows: readonly (readonly (readonly Paragraph[])[])[],
  options: { cantSplit?: boolean } = {},
): Table {
  const total = columnWidths.reduce((sum, width) => sum + width, 0);
  return new Table({
    width: { size: total, type: WidthType.DXA },
    columnWidths: [...columnWidths],
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    margins: { top: 0, bottom: 0, left: 0, right: 0 },
    rows: rows.map(
      (cells) =>
        new TableRow({
          cantSplit: options.cantSplit ?? false,
          children: cells.map(
            (children, column) =>
              new TableCell({
                width: { size: columnWidths[column] ?? 0, type: WidthType.DXA },
                verticalAlign: VerticalAlignTable.TOP,
                borders: TableBorders.NONE,
                children: children.length > 0 ? [...children] : [new Paragraph({ children: [] })],
              }),
          ),
        }),
    ),
  });
}
