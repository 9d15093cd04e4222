/**
 * A labelled file chooser that hands over the one file picked and then empties itself: a browser fires no change
 * for the file already chosen, so without emptying it a broker who fixed a file and picked it again saw nothing
 * happen.
 */
export function FileInput({
  label,
  accept,
  disabled,
  className,
  onFile,
}: {
  label: string;
  accept: string;
  disabled?: boolean;
  className?: string;
  onFile(file: File): void;
}) {
  return (
    <label className={className}>
      <span>{label}</span>{' '}
      <input
        type="file"
        accept={accept}
        disabled={disabled}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) onFile(file);
        }}
      />
    </label>
  );
}
