import { Button, Menu } from '@mantine/core';
import { IconChevronDown, IconDownload, IconFileSpreadsheet, IconFileText } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { exportUrl, type MemberFilters } from '../api';

/** Plain links to the export: the browser downloads the file itself, signed by the session cookie. */
export function ExportMenu({ filters }: { filters: MemberFilters }) {
  const { t } = useTranslation();
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          variant="default"
          leftSection={<IconDownload size={18} />}
          rightSection={<IconChevronDown size={14} />}
        >
          {t('members.export.action')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('members.export.hint')}</Menu.Label>
        <Menu.Item
          component="a"
          href={exportUrl(filters, 'xlsx')}
          download
          leftSection={<IconFileSpreadsheet size={16} />}
        >
          {t('members.export.xlsx')}
        </Menu.Item>
        <Menu.Item
          component="a"
          href={exportUrl(filters, 'csv')}
          download
          leftSection={<IconFileText size={16} />}
        >
          {t('members.export.csv')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
