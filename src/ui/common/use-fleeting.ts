/**
 * A confirmation that goes away by itself: returns the value until `ms` after it last changed, then
 * undefined — so "Saved …" does not stay on screen long after the act, next to newer results.
 */
import { useEffect, useState } from 'react';

export function useFleeting<T>(value: T | undefined, ms: number): T | undefined {
  const [expired, setExpired] = useState<T | undefined>(undefined);
  useEffect(() => {
    if (value === undefined) return;
    const timer = setTimeout(() => setExpired(() => value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return value !== undefined && expired === value ? undefined : value;
}
