import {
  PROCESS_TEMPLATES,
  formatDate,
  type AssignmentStateAtEnd,
  type BodyReview,
  type MeetingKind,
  type ReceptionKind,
  type ResolutionReviewCheck,
  type ReviewReceptionKind,
  type StaffConferenceCheck,
} from '@qcdc/core';

/** Vietnamese wording shared by the DOCX and XLSX exports of a review (sơ kết, tổng kết). */

export function meetingKindLabel(kind: MeetingKind): string {
  return PROCESS_TEMPLATES[kind].name.vi;
}

export const STATE_LABELS: Record<AssignmentStateAtEnd, string> = {
  done: 'Hoàn thành',
  awaitingApproval: 'Chờ duyệt kết quả',
  open: 'Đang thực hiện',
  overdue: 'Quá hạn',
  cancelled: 'Đã hủy',
};

/** 'dd/MM/yyyy' from a 'yyyy-MM-dd' civil date (no time zone involved). */
export function civilDate(iso: string): string {
  const [year, month, day] = iso.split('-');
  return `${day}/${month}/${year}`;
}

/** "ngày 31 tháng 12 năm 2026" from a civil date. */
export function officialCivilDate(iso: string): string {
  const [year, month, day] = iso.split('-');
  return `ngày ${day} tháng ${month} năm ${year}`;
}

/** 0.6667 → "66,7%" (Vietnamese decimal comma); null → "—". */
export function percent(value: number | null): string {
  if (value === null) return '—';
  return `${(Math.round(value * 1000) / 10).toFixed(1).replace('.', ',')}%`;
}

/** "Sơ kết … 6 tháng đầu năm 2026", "Tổng kết … năm 2026", or the dates of a custom period. */
export function reviewSubject(review: BodyReview): { verb: 'Sơ kết' | 'Tổng kết'; text: string } {
  const topic = 'công tác thực hiện dân chủ ở cơ sở';
  const scope = review.scope;
  switch (scope.kind) {
    case 'H1':
      return { verb: 'Sơ kết', text: `Sơ kết ${topic} 6 tháng đầu năm ${scope.year}` };
    case 'H2':
      return { verb: 'Sơ kết', text: `Sơ kết ${topic} 6 tháng cuối năm ${scope.year}` };
    case 'year':
      return { verb: 'Tổng kết', text: `Tổng kết ${topic} năm ${scope.year}` };
    case 'custom':
      return {
        verb: 'Sơ kết',
        text: `Sơ kết ${topic} từ ngày ${civilDate(review.period.from)} đến ngày ${civilDate(review.period.to)}`,
      };
  }
}

/** The place in "…, ngày … tháng … năm …": the commune or ward from the unit's name when it says. */
export function placeOf(unitName: string): string {
  const match =
    /^(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\s+(?:xã|phường|thị trấn|đặc khu)\s+(.+)$/iu.exec(
      unitName.trim(),
    );
  return match?.[1]?.trim() ?? '……';
}

export function cutOffText(review: BodyReview): string {
  return `Số liệu tổng hợp từ dữ liệu của hệ thống QCDC, tính đến ${cutOffMoment(review)}.`;
}

function cutOffMoment(review: BodyReview): string {
  const end = new Date(review.asOf).getTime();
  const periodEndUtc = Date.parse(`${review.period.to}T17:00:00.000Z`);
  // The period's end is 24:00 on `to` (Vietnam time), i.e. 17:00 UTC that day.
  return end >= periodEndUtc
    ? `24 giờ 00 ngày ${civilDate(review.period.to)}`
    : `ngày ${formatDate(review.asOf)}`;
}

export function staffConferenceSentence(check: StaffConferenceCheck): string {
  const base = `Hội nghị cán bộ, công chức, viên chức năm ${check.workYear} (hạn tổ chức chậm nhất ngày ${civilDate(check.dueBy)}, Điều 51 Luật Thực hiện dân chủ ở cơ sở)`;
  switch (check.status) {
    case 'onTime':
      return `${base}: đã tổ chức đúng thời hạn ngày ${formatDate(check.heldOn ?? '')}.`;
    case 'late':
      return `${base}: tổ chức chậm so với thời hạn, ngày ${formatDate(check.heldOn ?? '')}.`;
    case 'notHeld':
      return `${base}: chưa tổ chức.`;
    case 'notYetDue':
      return `${base}: chưa tổ chức, chưa đến hạn.`;
  }
}

export const RESOLUTION_REVIEW_LABELS: Record<ResolutionReviewCheck['status'], string> = {
  onTime: 'Đã kiểm điểm đúng hạn',
  late: 'Đã kiểm điểm, chậm so với thời hạn',
  notHeld: 'Chưa kiểm điểm (đã quá hạn)',
  notYetDue: 'Chưa kiểm điểm, chưa đến hạn',
  noConference: 'Chưa tổ chức hội nghị trong năm',
};

/** Law 10/2022 Art. 52(3): the six-monthly review of the conference's resolution, one per year. */
export function resolutionReviewSentence(check: ResolutionReviewCheck): string {
  const base = `Kiểm điểm 6 tháng việc thực hiện nghị quyết Hội nghị cán bộ, công chức, viên chức năm ${check.conferenceYear} (Điều 52 khoản 3 Luật Thực hiện dân chủ ở cơ sở; hạn ngày ${civilDate(check.dueBy)})`;
  switch (check.status) {
    case 'onTime':
      return `${base}: đã tổ chức đúng hạn ngày ${formatDate(check.heldOn ?? '')}.`;
    case 'late':
      return `${base}: tổ chức chậm so với thời hạn, ngày ${formatDate(check.heldOn ?? '')}.`;
    case 'notHeld':
      return `${base}: chưa tổ chức.`;
    case 'notYetDue':
      return `${base}: chưa tổ chức, chưa đến hạn.`;
    case 'noConference':
      return `${base}: chưa có hội nghị trong năm nên chưa có nghị quyết để kiểm điểm.`;
  }
}

const RECEPTION_LABELS: Record<ReceptionKind, string> = {
  communeChair:
    'Chủ tịch Ủy ban nhân dân cấp xã tiếp công dân định kỳ (ít nhất 1 ngày/tuần, Điều 15 Luật Tiếp công dân)',
  agencyHead:
    'Thủ trưởng cơ quan tiếp công dân định kỳ (ít nhất 1 ngày/tháng, Điều 18 Luật Tiếp công dân)',
  dialogue: 'Đối thoại với Nhân dân (ít nhất 1 lần/năm, theo quy định của đơn vị)',
};

const CADENCE_UNIT: Record<ReviewReceptionKind['cadence'], string> = {
  week: 'tuần',
  month: 'tháng',
  year: 'năm',
};

export function receptionLabel(kind: ReceptionKind): string {
  return RECEPTION_LABELS[kind];
}

/**
 * The citizen and Front parts of section I, as numbered sub-headings with their sentences; a part
 * whose records were not loaded is left out. Cases are counted only: no number, name or content.
 */
export function citizenSections(
  review: BodyReview,
  firstNumber: number,
): { heading: string; sentences: string[] }[] {
  const { front, reception, cases, disclosures } = review.figures.citizens;
  const sections: { heading: string; sentences: string[] }[] = [];
  const next = (heading: string, sentences: string[]) =>
    sections.push({ heading: `${firstNumber + sections.length}. ${heading}`, sentences });
  if (front.available) {
    next('Tiếp nhận, trả lời kiến nghị của Mặt trận Tổ quốc', [
      `Trong kỳ, tiếp nhận ${front.received.count} kiến nghị của Mặt trận Tổ quốc qua giám sát, phản biện xã hội; ` +
        `đã trả lời ${front.answered.count} kiến nghị, trong đó đúng hạn ${front.answeredOnTime.count} ` +
        `(${percent(front.onTimeRate)}), trễ hạn ${front.answeredLate.count}; ` +
        `${front.openOverdue.count} kiến nghị quá hạn chưa được trả lời.`,
    ]);
  }
  if (reception.available) {
    next(
      'Tiếp công dân, đối thoại',
      reception.kinds.map(
        (k) =>
          `${RECEPTION_LABELS[k.kind]}: đã tổ chức ${k.held.count} buổi, yêu cầu tối thiểu ${k.required}; ` +
          (k.met
            ? 'bảo đảm theo quy định.'
            : `${k.periodsShort} ${CADENCE_UNIT[k.cadence]} chưa tổ chức đủ theo quy định.`),
      ),
    );
  }
  if (cases.available) {
    const k = cases.byKind;
    next('Giải quyết khiếu nại, tố cáo, phản ánh, kiến nghị', [
      `Tiếp nhận ${cases.received.count} đơn (khiếu nại ${k.complaint.received}, tố cáo ${k.denunciation.received}, ` +
        `phản ánh, kiến nghị ${k.feedback.received}); đã giải quyết ${cases.resolved.count} đơn, trong đó ` +
        `đúng thời hạn ${cases.resolvedOnTime.count}, quá thời hạn ${cases.resolvedLate.count}; ` +
        `không thụ lý ${cases.rejected.count}; ${cases.openOverdue.count} đơn quá hạn chưa giải quyết xong.`,
    ]);
  }
  if (disclosures.available) {
    next('Công khai thông tin', [
      `Thực hiện công khai ${disclosures.made.count} nội dung; kết thúc công khai ${disclosures.ended.count} nội dung; ` +
        `${disclosures.startOverdue.count} nội dung chưa công khai đúng thời điểm.`,
    ]);
  }
  return sections;
}
