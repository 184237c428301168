import { useEffect, useState } from 'react';
import { Input } from 'antd';

/**
 * A search box bound to a list's `q` in the address: it searches once the user pauses typing (or
 * presses Enter), and follows the address when it changes from outside (menu, back button).
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
  const q = value ?? '';
  useEffect(() => {
    if (text.trim() === q) return;
    const h = setTimeout(() => onSearch(text.trim() || undefined), 350);
    return () => clearTimeout(h);
  }, [text, q, onSearch]);

  return (
    <Input.Search
      allowClear
      enterButton
      placeholder={placeholder}
      aria-label={placeholder}
      value={text}
      onChange={(e) => setText(e.target.value)}
      onSearch={(s) => onSearch(s.trim() || undefined)}
    />
  );
}
