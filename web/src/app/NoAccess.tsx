import { Button, Result } from 'antd';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';

/**
 * What a page the account may not use shows instead of itself: said plainly, with the way home. Drawn
 * in place of the page, so none of the page's requests (and none of their refusals) are made.
 */
export function NoAccess() {
  const { t } = useTranslation('app');
  const navigate = useNavigate();
  return (
    <div data-testid="no-access">
      <Result
        status="403"
        title={t('noAccess.title')}
        subTitle={t('noAccess.hint')}
        extra={
          <Button type="primary" onClick={() => void navigate({ to: '/' })}>
            {t('noAccess.home')}
          </Button>
        }
      />
    </div>
  );
}
