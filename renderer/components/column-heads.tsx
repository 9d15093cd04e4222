/**
 * A table's header row: one column header a label, in order; an empty label leaves its header empty. A column of
 * row buttons is headed by messages' actionsColumn (操作 / Actions), the one word every table of the app uses.
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
