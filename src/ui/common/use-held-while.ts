/**
 * Holds a value still while `hold` is true and follows it otherwise: heavy charts redraw once when a
 * training run ends instead of on every epoch, so the page's main thread stays free during training.
 */
import { startTransition, useEffect, useState } from 'react';

export function useHeldWhile<T>(value: T, hold: boolean): T {
  const [held, setHeld] = useState(value);
  useEffect(() => {
    // As a transition the redraw is time-sliced: React yields to the browser between components.
    if (!hold) startTransition(() => setHeld(value));
  }, [value, hold]);
  return held;
}
