/**
 * A file input drawn as a button (the browser's own "Choose file · No file chosen" box is unstyled and
 * wide): the real input covers the button invisibly, so a click, a tap, the keyboard and a drop all reach
 * it, and it keeps its accessible name.
 */
import type { ChangeEvent } from 'react';

interface Props {
  label: string;
  accept: string;
  disabled?: boolean;
  secondary?: boolean;
  onFile(file: File): void;
}

export function FileButton({ label, accept, disabled, secondary, onFile }: Props) {
  const onChange = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (file) onFile(file);
  };
  return (
    <label
      className={`button file-button${secondary ? ' button--secondary' : ''}${disabled ? ' file-button--disabled' : ''}`}
    >
      {label}
      <input type="file" aria-label={label} accept={accept} disabled={disabled} onChange={onChange} />
    </label>
  );
}
