import type { MemberEventType } from '@union/contracts/members';
import type { NewNotification } from '../notifications/index.js';
import { displayDate } from './spreadsheet/cell-values.js';

/** Where the member app shows the member's own record and history (MyMemberPage). */
const OWN_RECORD_LINK = '/members/me';

const withReason = (text: string, reason: string | null | undefined) =>
  reason ? `${text} Lý do: ${reason}` : text;

export function correctionDecidedNotice(
  accountId: number,
  decision: 'approve' | 'reject',
  reason: string | null | undefined,
): NewNotification {
  return decision === 'approve'
    ? {
        accountId,
        kind: 'correction_decided',
        title: 'Yêu cầu sửa hồ sơ đã được duyệt',
        body: withReason('Công đoàn đã cập nhật hồ sơ đoàn viên của bạn theo đề nghị.', reason),
        link: OWN_RECORD_LINK,
      }
    : {
        accountId,
        kind: 'correction_decided',
        title: 'Yêu cầu sửa hồ sơ không được duyệt',
        body: withReason('Công đoàn chưa chấp nhận đề nghị sửa thông tin hồ sơ của bạn.', reason),
        link: OWN_RECORD_LINK,
      };
}

/** What a lifecycle event means to the member, from the date it takes effect ("từ ngày …"). */
const MEMBERSHIP_NOTICES: Partial<Record<MemberEventType, { title: string; body: string }>> = {
  suspend: {
    title: 'Tạm dừng sinh hoạt công đoàn',
    body: 'Công đoàn đã ghi nhận bạn tạm dừng sinh hoạt công đoàn',
  },
  resume: {
    title: 'Sinh hoạt công đoàn trở lại',
    body: 'Công đoàn đã ghi nhận bạn sinh hoạt công đoàn trở lại',
  },
  exemption_start: {
    title: 'Miễn đóng đoàn phí',
    body: 'Bạn được miễn đóng đoàn phí',
  },
  exemption_end: {
    title: 'Thôi miễn đóng đoàn phí',
    body: 'Bạn đóng đoàn phí trở lại',
  },
  leave: {
    title: 'Ra khỏi tổ chức công đoàn',
    body: 'Công đoàn đã ghi nhận bạn ra khỏi tổ chức công đoàn',
  },
  expel: {
    title: 'Khai trừ khỏi tổ chức công đoàn',
    body: 'Công đoàn đã ghi nhận quyết định khai trừ bạn khỏi tổ chức công đoàn',
  },
  reinstate: {
    title: 'Khôi phục đoàn tịch',
    body: 'Bạn được khôi phục tư cách đoàn viên công đoàn',
  },
  honorary_grant: {
    title: 'Công nhận đoàn viên danh dự',
    body: 'Bạn được công nhận là đoàn viên danh dự',
  },
  honorary_revoke: {
    title: 'Thôi công nhận đoàn viên danh dự',
    body: 'Bạn thôi được công nhận là đoàn viên danh dự',
  },
  // A death is recorded for the family and the union, not announced to the account that belonged to it.
};

/** The notice for a lifecycle event, or undefined for one the member is not told of (a death). */
export function membershipChangedNotice(
  accountId: number,
  type: MemberEventType,
  date: string,
  reason: string | null | undefined,
): NewNotification | undefined {
  const notice = MEMBERSHIP_NOTICES[type];
  if (!notice) return undefined;
  return {
    accountId,
    kind: 'membership_changed',
    title: notice.title,
    body: withReason(`${notice.body} từ ngày ${displayDate(date)}.`, reason),
    link: OWN_RECORD_LINK,
  };
}

export function transferDecidedNotice(
  accountId: number,
  fromUnitName: string,
  toUnitName: string,
  date: string,
): NewNotification {
  return {
    accountId,
    kind: 'transfer_decided',
    title: 'Đã chuyển sinh hoạt công đoàn',
    body: `Bạn chuyển sinh hoạt từ ${fromUnitName} đến ${toUnitName} từ ngày ${displayDate(date)}.`,
    link: OWN_RECORD_LINK,
  };
}
