/** Re-renders every `ms` while mounted (elapsed time, retry countdowns). */
import { useEffect, useState } from "preact/hooks";

export function useTick(ms: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(timer);
  }, [ms]);
  return now;
}
