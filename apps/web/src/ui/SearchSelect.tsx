import { Loader, Select, Stack, Text } from '@mantine/core';

type SearchSelectProps<Item extends { id: number }> = {
  label: string;
  description?: string;
  placeholder?: string;
  required?: boolean;
  error?: string;
  value: Item | null;
  onChange: (item: Item | null) => void;
  /** The candidates for the current search text, found by the caller (usually on the server). */
  items: readonly Item[];
  searchValue: string;
  onSearchChange: (value: string) => void;
  loading?: boolean;
  nothingFound: string;
  itemLabel: (item: Item) => string;
  itemDescription?: (item: Item) => string;
};

/** A searchable select whose options come from a server search rather than a fixed list. */
export function SearchSelect<Item extends { id: number }>({
  value,
  onChange,
  items,
  loading,
  nothingFound,
  itemLabel,
  itemDescription,
  ...inputProps
}: SearchSelectProps<Item>) {
  const candidates = value && !items.some((item) => item.id === value.id) ? [value, ...items] : items;
  const byId = new Map(candidates.map((item) => [item.id, item]));

  return (
    <Select<number>
      {...inputProps}
      searchable
      clearable
      value={value?.id ?? null}
      onChange={(id) => onChange(id === null ? null : (byId.get(id) ?? null))}
      data={candidates.map((item) => ({ value: item.id, label: itemLabel(item) }))}
      // The server already matched the text (without diacritics); filtering again here would hide results.
      filter={({ options }) => options}
      nothingFoundMessage={nothingFound}
      rightSection={loading ? <Loader size="xs" /> : undefined}
      renderOption={({ option }) => {
        const item = byId.get(option.value);
        return (
          <Stack gap={0}>
            <Text size="sm">{option.label}</Text>
            {item && itemDescription && (
              <Text size="xs" c="dimmed">
                {itemDescription(item)}
              </Text>
            )}
          </Stack>
        );
      }}
    />
  );
}
