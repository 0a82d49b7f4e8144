/**
 * A user id (often an e-mail) that may wrap in a narrow column: a break opportunity before '@', so
 * "bulk@example.com" wraps as "bulk / @example.com" instead of mid-word.
 */
import { Fragment } from 'react';

export function BreakableId({ id }: { id: string }) {
  const parts = id.split(/(?=@)/);
  return (
    <>
      {parts.map((part, i) => (
        <Fragment key={i}>
          {i > 0 && <wbr />}
          {part}
        </Fragment>
      ))}
    </>
  );
}
