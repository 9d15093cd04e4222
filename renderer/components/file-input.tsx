import { useState } from 'react';

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
  // The emptied input says no file is chosen: the name of the file read is shown beside it instead.
  const [read, setRead] = useState('');
  return (
    <>
      <label className={className}>
        <span>{label}</span>{' '}
        <input
          type="file"
          accept={accept}
          disabled={disabled}
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (!file) return;
            setRead(file.name);
            onFile(file);
          }}
        />
      </label>
      {read ? <span className="muted"> {read}</span> : null}
    </>
  );
}
