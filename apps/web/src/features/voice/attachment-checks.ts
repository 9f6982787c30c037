import {
  VOICE_ATTACHMENT_MAX_BYTES,
  VOICE_ATTACHMENT_TYPES,
  VOICE_ATTACHMENTS_PER_ITEM,
} from '@union/contracts/voice';

export type AttachmentProblem = 'type' | 'size' | 'count';

export type AttachmentCheck = {
  accepted: File[];
  rejected: { file: File; problem: AttachmentProblem }[];
};

const ACCEPTED_TYPES: readonly string[] = VOICE_ATTACHMENT_TYPES;

/** What the file picker offers: the phone's camera and gallery, and PDF documents. */
export const ATTACHMENT_ACCEPT = 'image/*,application/pdf';

/**
 * The files that may join the `kept` ones, checked as the server will (type, 5 MB, 5 an item) before
 * anything is sent: a member on a phone network should not wait to upload a file that will be refused.
 * A HEIC photo from an iPhone is refused here by its type; the server checks the first bytes anyway.
 */
export function checkAttachments(kept: number, picked: readonly File[]): AttachmentCheck {
  const check: AttachmentCheck = { accepted: [], rejected: [] };
  for (const file of picked) {
    if (!ACCEPTED_TYPES.includes(file.type)) check.rejected.push({ file, problem: 'type' });
    else if (file.size > VOICE_ATTACHMENT_MAX_BYTES) check.rejected.push({ file, problem: 'size' });
    else if (kept + check.accepted.length >= VOICE_ATTACHMENTS_PER_ITEM)
      check.rejected.push({ file, problem: 'count' });
    else check.accepted.push(file);
  }
  return check;
}

const sizeFormat = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });

/** "850 KB", "4,2 MB": sizes the way a phone's file manager shows them. */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${sizeFormat.format(Math.max(1, Math.round(bytes / 1024)))} KB`;
  return `${sizeFormat.format(bytes / (1024 * 1024))} MB`;
}
