import { PageHeader } from '../../ui/PageHeader';
import { EmptyMessage } from '../../ui/states';
import { SurveyList } from './components/SurveyList';
import { VoiceSectionNav } from './components/VoiceSectionNav';
import { useSurveys } from './queries';
import { useVoiceTranslation } from './voice-i18n';

/** "Khảo sát": the surveys open to the member, answered or not. */
export function MySurveysPage() {
  const { t } = useVoiceTranslation();
  const list = useSurveys('mine');
  return (
    <>
      <PageHeader title={t('surveys.title')} description={t('surveys.description')} />
      <VoiceSectionNav current="/surveys" />
      <SurveyList
        list={list}
        audience="member"
        label={t('surveys.title')}
        empty={<EmptyMessage title={t('surveys.empty')} description={t('surveys.emptyHint')} />}
      />
    </>
  );
}
