import { createHash } from 'node:crypto';
import { and, count, eq } from 'drizzle-orm';
import {
  VOICE_ATTACHMENT_MAX_BYTES,
  VOICE_ATTACHMENTS_PER_ITEM,
  type VoiceAttachmentDto,
} from '@union/contracts/voice';
import type { Actor } from '../../kernel/access/actor.js';
import { recordAudit } from '../../kernel/audit/audit.js';
import { DomainError } from '../../kernel/errors.js';
import { getVisibleItemOrThrow, lockItem } from './voice-access.js';
import type { VoiceContext } from './voice-items.service.js';
import { voiceAttachments } from './voice.schema.js';

type AttachmentType = VoiceAttachmentDto['contentType'];

/** What a file is, by its first bytes: a name or a declared type says nothing a sender cannot fake. */
export function sniffAttachmentType(bytes: Buffer): AttachmentType | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return 'image/png';
  if (
    bytes.subarray(0, 4).toString('latin1') === 'RIFF' &&
    bytes.subarray(8, 12).toString('latin1') === 'WEBP'
  )
    return 'image/webp';
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  return null;
}

/** A file name safe to store and send back: no path, no control characters, not too long. */
export function cleanFileName(name: string, type: AttachmentType): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .replace(/[\p{Cc}"<>|*?:]/gu, '')
    .trim()
    .slice(0, 150);
  const extension = {
    'image/jpeg': '.jpg',
    'image/png': '.png',
    'image/webp': '.webp',
    'application/pdf': '.pdf',
  }[type];
  return cleaned === '' ? `tep-dinh-kem${extension}` : cleaned;
}

/**
 * A file on a complaint, by its author (or the officer who entered it for them), while it is not
 * closed: at most five, 5 MB each, images or PDF by content.
 */
export async function addAttachment(
  context: VoiceContext,
  actor: Actor,
  itemId: number,
  file: { fileName: string; content: Buffer },
): Promise<VoiceAttachmentDto> {
  const visible = await getVisibleItemOrThrow(context.db, actor, itemId);
  const enteredIt = visible.viewer === 'handler' && visible.item.enteredByAccountId === actor.accountId;
  if (visible.viewer !== 'author' && !enteredIt) throw new DomainError('voice.not_author');
  if (visible.item.kind !== 'complaint') throw new DomainError('voice.attachments_complaints_only');
  if (visible.item.status === 'closed') throw new DomainError('voice.wrong_status');
  if (file.content.length > VOICE_ATTACHMENT_MAX_BYTES) throw new DomainError('voice.attachment_too_large');
  const contentType = sniffAttachmentType(file.content);
  if (!contentType) throw new DomainError('voice.attachment_type');
  return context.db.transaction(async (tx) => {
    await lockItem(tx, itemId);
    const [existing] = await tx
      .select({ n: count() })
      .from(voiceAttachments)
      .where(eq(voiceAttachments.itemId, itemId));
    if ((existing?.n ?? 0) >= VOICE_ATTACHMENTS_PER_ITEM) throw new DomainError('voice.attachments_full');
    const [saved] = await tx
      .insert(voiceAttachments)
      .values({
        itemId,
        fileName: cleanFileName(file.fileName, contentType),
        contentType,
        size: file.content.length,
        sha256: createHash('sha256').update(file.content).digest('hex'),
        content: file.content,
        uploadedBy: actor.accountId,
      })
      .returning({
        id: voiceAttachments.id,
        fileName: voiceAttachments.fileName,
        size: voiceAttachments.size,
      });
    if (!saved) throw new Error('insert returned nothing');
    return { ...saved, contentType };
  });
}

export async function readAttachment(
  context: VoiceContext,
  actor: Actor,
  itemId: number,
  attachmentId: number,
) {
  const visible = await getVisibleItemOrThrow(context.db, actor, itemId);
  if (visible.viewer === 'public') throw new DomainError('voice.attachment_not_found');
  const [file] = await context.db
    .select()
    .from(voiceAttachments)
    .where(and(eq(voiceAttachments.id, attachmentId), eq(voiceAttachments.itemId, itemId)));
  if (!file) throw new DomainError('voice.attachment_not_found');
  if (visible.viewer === 'handler') {
    await recordAudit(context.db, actor, {
      action: 'voice.attachment_read',
      entityType: 'voice_attachment',
      entityId: file.id,
      unitId: visible.item.handlingUnitId,
      unitPath: visible.item.handlingUnitPath,
    });
  }
  return file;
}
