import { useTranslation } from 'react-i18next';
import { useNavigation } from 'react-router';
import classes from './RouteProgress.module.css';

/** A thin bar while the next screen's code loads: on a slow network a tap must show it was heard. */
export function RouteProgress() {
  const { t } = useTranslation();
  const loading = useNavigation().state !== 'idle';
  if (!loading) return null;
  return <div className={classes.bar} role="progressbar" aria-label={t('common.loading')} />;
}
