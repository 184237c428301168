import { useEffect, useRef, useState } from 'react';
import { Input } from 'antd';
import { useRouter } from '@tanstack/react-router';

/**
 * A search box bound to a list's `q` in the address: it searches once the user pauses typing (or
 * presses Enter), and follows the address when it changes from outside (menu, back button).
 * A search still pending when the user leaves the page (a row clicked before the pause ends) is
 * dropped: the list stays drawn while the next page loads, and writing its address then would take
 * the user back to the list.
 */
export function SearchInput({
  value,
  onSearch,
  placeholder,
}: {
  value: string | undefined;
  onSearch: (q: string | undefined) => void;
  placeholder: string;
}) {
  const [text, setText] = useState(value ?? '');
  const [synced, setSynced] = useState(value);
  if (synced !== value) {
    setSynced(value);
    if ((value ?? '') !== text.trim()) setText(value ?? '');
  }
  // a list kept in a page's state (a tab's own list) has no address to leave: no router above it
  const router = useRouter({ warn: false }) as ReturnType<typeof useRouter> | null;
  // the page the text was typed on
  const typedOn = useRef(router?.latestLocation.pathname);
  const q = value ?? '';
  useEffect(() => {
    if (text.trim() === q) return;
    const h = setTimeout(() => {
      if (router?.latestLocation.pathname === typedOn.current) onSearch(text.trim() || undefined);
    }, 350);
    return () => clearTimeout(h);
  }, [text, q, onSearch, router]);

  return (
    <Input.Search
      allowClear
      enterButton
      placeholder={placeholder}
      aria-label={placeholder}
      value={text}
      onChange={(e) => {
        typedOn.current = router?.latestLocation.pathname;
        setText(e.target.value);
      }}
      onSearch={(s) => onSearch(s.trim() || undefined)}
    />
  );
}
