/**
 * A table's header row: one column header a label, in order; an empty label heads a column of
 * row actions (its header says nothing, each row's button names itself).
 */
export function ColumnHeads({ labels }: { labels: readonly string[] }) {
  return (
    <thead>
      <tr>
        {labels.map((label, i) => (
          // Labels may repeat (several empty ones), and the columns never move: the index is the column.
          <th key={i} scope="col">
            {label || null}
          </th>
        ))}
      </tr>
    </thead>
  );
}
