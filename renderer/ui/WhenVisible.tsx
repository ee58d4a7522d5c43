import { useEffect, useRef, useState, type ReactNode } from 'react';

interface Props {
  /** The space kept until the content is drawn, so nothing below jumps when it appears. */
  minHeight: number;
  children: ReactNode;
}

/**
 * Draws `children` once they scroll near the viewport. Each Recharts chart measures itself on
 * mount, which forces a layout of the whole page: a chart far down the case file would add that
 * to every opening of the file, although most openings never scroll to it.
 */
export function WhenVisible({ minHeight, children }: Props) {
  const box = useRef<HTMLDivElement>(null);
  // Without IntersectionObserver (jsdom) there is no viewport to wait for.
  const [visible, setVisible] = useState(() => typeof IntersectionObserver === 'undefined');
  useEffect(() => {
    const element = box.current;
    if (visible || !element) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) setVisible(true);
      },
      { rootMargin: '200px' },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [visible]);
  return (
    <div ref={box} style={visible ? undefined : { minHeight }}>
      {visible ? children : null}
    </div>
  );
}
