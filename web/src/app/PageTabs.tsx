import { useState } from 'react';
import { Grid, Select, Tabs } from 'antd';
import type { TabsProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { textOf } from '../lib/textOf';

/**
 * A page's tabs (a unit's, a class's). On a desk antd's tab bar; on a phone that bar fits three or
 * four tabs and hides the rest behind "…", where nobody finds them — there a full-width list of every
 * tab takes its place, the one shown written in it.
 */
export function PageTabs(props: TabsProps) {
  const { t } = useTranslation('app');
  const screens = Grid.useBreakpoint();
  const items = props.items ?? [];
  // The tab shown is kept here in both forms: a window resized or a phone turned across the breakpoint
  // keeps the section the user was in (left to the tab bar, it went back to the first).
  const [own, setOwn] = useState(props.defaultActiveKey ?? items[0]?.key);
  const active = props.activeKey ?? own;
  const change = (key: string) => {
    setOwn(key);
    props.onChange?.(key);
  };
  if (screens.md) return <Tabs {...props} activeKey={active} onChange={change} />;
  return (
    <Tabs
      {...props}
      activeKey={active}
      onChange={change}
      renderTabBar={() => (
        <Select
          aria-label={t('section')}
          value={active}
          onChange={change}
          // A label given as an element still names its option for a screen reader: antd's hidden list
          // for assistive technology reads a non-text label's key ("sessions") instead.
          options={items.map((i) => ({ value: i.key, label: i.label, 'aria-label': textOf(i.label) }))}
          style={{ width: '100%', marginBottom: 12 }}
          size="large"
        />
      )}
    />
  );
}
