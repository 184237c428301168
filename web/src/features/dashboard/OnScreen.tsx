import { useEffect, useRef, useState, type ReactNode } from 'react';

/**
 * Draws `children` once its box comes on screen, a box of `height` until then. The charts' code
 * (ECharts, about 150 KB compressed) is fetched when a chart is about to be seen, not with the page:
 * a dashboard whose charts are below the fold, or a phone that never scrolls to them, downloads none of it.
 */
export function OnScreen({ height, children }: { height: number; children: ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  // Without an observer (an old browser) there is nothing to wait for.
  const [seen, setSeen] = useState(() => typeof IntersectionObserver === 'undefined');
  useEffect(() => {
    if (seen || !box.current) return;
    // On screen, not near it: a phone whose first screen ends just above the chart fetches nothing.
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) setSeen(true);
    });
    observer.observe(box.current);
    return () => observer.disconnect();
  }, [seen]);
  if (seen) return <>{children}</>;
  return <div ref={box} style={{ height }} />;
}
