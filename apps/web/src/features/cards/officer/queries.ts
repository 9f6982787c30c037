import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type { RevokeCardBody } from '@union/contracts/cards';
import type { MemberDto } from '@union/contracts/members';
import { saveFile } from '../../statistics/save-file';
import {
  type BenefitPeriod,
  fetchBenefitSummary,
  fetchBenefitUses,
  fetchMemberCards,
  fetchPrintedCard,
  fetchPrintedCardPdf,
  revokeMemberCard,
} from './api';

const officerCardKeys = {
  all: ['officer-cards'] as const,
  ofMember: (memberId: number) => [...officerCardKeys.all, 'member', memberId] as const,
  printed: (memberId: number) => [...officerCardKeys.all, 'printed', memberId] as const,
  summary: (unitId: number, period: BenefitPeriod) =>
    [...officerCardKeys.all, 'benefit-summary', unitId, period] as const,
  uses: (unitId: number, period: BenefitPeriod) =>
    [...officerCardKeys.all, 'benefit-uses', unitId, period] as const,
};

export function useMemberCards(memberId: number) {
  return useQuery({
    queryKey: officerCardKeys.ofMember(memberId),
    queryFn: () => fetchMemberCards(memberId),
  });
}

/** Asked only when the officer opens the QR: the request makes the printed card if there is none. */
export function usePrintedCard(memberId: number) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: officerCardKeys.printed(memberId),
    queryFn: async () => {
      const card = await fetchPrintedCard(memberId);
      // The card may have just been issued: the history beside the dialog shows it.
      void queryClient.invalidateQueries({ queryKey: officerCardKeys.ofMember(memberId) });
      return card;
    },
  });
}

/** Printing or revoking changes the member's card history: both refresh everything about their cards. */
export function useRefreshMemberCards(memberId: number) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: officerCardKeys.ofMember(memberId) }),
      queryClient.invalidateQueries({ queryKey: officerCardKeys.printed(memberId) }),
    ]);
}

/** The member's printed card as a PDF, handed to the browser: the card is issued on the first request. */
export function usePrintCard(member: Pick<MemberDto, 'id' | 'memberCode'>) {
  const refresh = useRefreshMemberCards(member.id);
  return useMutation({
    mutationFn: () => fetchPrintedCardPdf(member.id, `the-doan-vien-${member.memberCode}.pdf`),
    onSuccess: async (file) => {
      saveFile(file);
      await refresh();
    },
  });
}

export function useRevokeMemberCard(memberId: number) {
  const refresh = useRefreshMemberCards(memberId);
  return useMutation({
    mutationFn: (body: RevokeCardBody) => revokeMemberCard(memberId, body),
    onSuccess: refresh,
  });
}

export function useBenefitSummary(unitId: number, period: BenefitPeriod) {
  return useQuery({
    queryKey: officerCardKeys.summary(unitId, period),
    queryFn: () => fetchBenefitSummary(unitId, period),
    placeholderData: keepPreviousData,
  });
}

export function useBenefitUses(unitId: number, period: BenefitPeriod) {
  return useInfiniteQuery({
    queryKey: officerCardKeys.uses(unitId, period),
    queryFn: ({ pageParam }) => fetchBenefitUses(unitId, period, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}
