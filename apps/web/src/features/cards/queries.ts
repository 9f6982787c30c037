import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { revokeMyPhoneCard } from './api';
import { forgetStoredCard } from './card-storage';
import { loadPhoneCard, type PhoneCard } from './phone-card';

export const cardKeys = { mine: ['cards', 'mine'] as const };

/** Refresh the server's QR this long before it expires (used only where the phone cannot sign). */
const SERVER_QR_MARGIN_MS = 30_000;

function serverQrRefresh(card: PhoneCard | undefined): number | false {
  if (!card || card.key || card.fromDevice) return false;
  return Math.max(5_000, Date.parse(card.card.qr.expiresAt) - Date.now() - SERVER_QR_MARGIN_MS);
}

/** The member's card: from the server when online, from the phone when not. */
export function useMyCard(enabled = true) {
  return useQuery({
    queryKey: cardKeys.mine,
    queryFn: ({ signal }) => loadPhoneCard(signal),
    enabled,
    // Offline the card comes from the phone: the query must run, not wait for the network.
    networkMode: 'always',
    // Each answer is a freshly signed credential; a few minutes' reuse is plenty.
    staleTime: 5 * 60_000,
    refetchOnReconnect: 'always',
    // The loader already falls back to the phone's copy: a retry would only delay the answer.
    retry: false,
    refetchInterval: (query) => serverQrRefresh(query.state.data),
  });
}

/** "Báo mất điện thoại": the phone card stops verifying; this device forgets its copy. */
export function useReportLostPhone() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: revokeMyPhoneCard,
    onSuccess: async () => {
      await forgetStoredCard().catch(() => undefined);
      queryClient.removeQueries({ queryKey: cardKeys.mine });
    },
  });
}
