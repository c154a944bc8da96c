import type { HttpResponseInit } from '@azure/functions';
import { formatDate, getMinutesForExport, type Meeting } from '@qcdc/core';
import { renderConclusionNoticeDocx } from '../documents/conclusion-notice-docx';
import { conclusionNoticeData, minutesDocumentData } from '../documents/minutes-from-domain';
import { renderMinutesDocx } from '../documents/minutes-docx';
import type { Services } from '../services';
import type { ApiHandler } from './api-handler';
import { ZMeetingParams } from './route-params';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The approved minutes (biên bản, Decree 30/2020 Form 1.9) as a Word document. */
export function minutesDocxHandler(services: Services): ApiHandler {
  return async ({ actor, params }) => {
    const { bodyId, meetingId } = ZMeetingParams.parse(params);
    const source = await getMinutesForExport(services.deps, actor, bodyId, meetingId);
    const bytes = await renderMinutesDocx(minutesDocumentData(source));
    return docx(bytes, fileName('bien-ban', source.meeting));
  };
}

/** The conclusion notice (thông báo kết luận) drawn from the approved minutes. */
export function conclusionNoticeDocxHandler(services: Services): ApiHandler {
  return async ({ actor, params }) => {
    const { bodyId, meetingId } = ZMeetingParams.parse(params);
    const source = await getMinutesForExport(services.deps, actor, bodyId, meetingId);
    const bytes = await renderConclusionNoticeDocx(conclusionNoticeData(source));
    return docx(bytes, fileName('thong-bao-ket-luan', source.meeting));
  };
}

function docx(bytes: Buffer, name: string): HttpResponseInit {
  return {
    body: bytes,
    headers: {
      'content-type': DOCX,
      // ASCII fallback plus the RFC 5987 form, so every client gets a sensible name.
      'content-disposition': `attachment; filename="${name}"; filename*=UTF-8''${encodeURIComponent(name)}`,
    },
  };
}

function fileName(prefix: string, meeting: Meeting): string {
  const date = formatDate(meeting.startsAt).split('/').reverse().join('-');
  return `${prefix}-${date}-v${meeting.minutes.edition}.docx`;
}
