import { Button, Result } from 'antd';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Audience } from './access';

/**
 * What a page the account may not use shows instead of itself: said plainly, with the way home. Drawn
 * in place of the page, so none of the page's requests (and none of their refusals) are made. A
 * cadre's own page opened by an account tied to no cadre says that, not "ask for access": no grant
 * would open it.
 */
export function NoAccess({ audience }: { audience?: Audience }) {
  const { t } = useTranslation('app');
  const words = audience === 'ownRecord' ? 'noOwnRecord' : 'noAccess';
  const navigate = useNavigate();
  return (
    <div data-testid="no-access">
      <Result
        status="403"
        title={t(`${words}.title`)}
        subTitle={t(`${words}.hint`)}
        extra={
          <Button type="primary" onClick={() => void navigate({ to: '/' })}>
            {t('noAccess.home')}
          </Button>
        }
      />
    </div>
  );
}
