/**
 * The time now, updated every second while `running` (the clocks under Train and Run sweep): a re-render
 * a second, and none when nothing runs.
 */
import { useEffect, useState } from 'react';

export function useTicking(running: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [running]);
  return now;
}
