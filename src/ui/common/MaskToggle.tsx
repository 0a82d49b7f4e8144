/**
 * The "Mask user IDs" switch (CONTRACT §4): when on, every user id on the page, in charts, in the
 * report and in exports reads "User A", "User B", … — for demos and for sharing results.
 */
import { useLab } from './lab-store-context';

export function MaskToggle() {
  const maskIds = useLab((s) => s.maskIds);
  const setMaskIds = useLab((s) => s.setMaskIds);
  return (
    <label className="mask-toggle">
      <input type="checkbox" checked={maskIds} onChange={(e) => setMaskIds(e.target.checked)} />
      Mask user IDs
    </label>
  );
}
