import ExcelJS from 'exceljs';
import { formatDate, formatDateTime, type BodyReview, type Figure } from '@qcdc/core';
import {
  RESOLUTION_REVIEW_LABELS,
  STATE_LABELS,
  receptionLabel,
  civilDate,
  cutOffText,
  meetingKindLabel,
  percent,
  reviewSubject,
} from './review-report-text.js';

/** Sheet names: ASCII, so every spreadsheet program and script can address them. */
export const REVIEW_SHEETS = {
  summary: 'Tong hop',
  meetings: 'Cuoc hop',
  assignments: 'Nhiem vu',
  overdue: 'Qua han',
  front: 'Kien nghi MTTQ',
  reception: 'Tiep cong dan',
  cases: 'Don thu',
  disclosures: 'Cong khai',
} as const;

/**
 * The review as a workbook: "Tong hop" (every figure with the ids behind it), "Cuoc hop" (meetings
 * held), "Nhiem vu" (every assignment with deadline, status, on time or late), "Qua han" (overdue),
 * and, when their records were loaded, "Kien nghi MTTQ", "Tiep cong dan", "Don thu" (counts and
 * opaque ids only) and "Cong khai".
 */
export async function renderReviewReportXlsx(review: BodyReview): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const stamp = new Date(`${review.period.to}T00:00:00.000Z`);
  workbook.creator = 'QCDC';
  workbook.lastModifiedBy = 'QCDC';
  workbook.created = stamp;
  workbook.modified = stamp;
  workbook.title = reviewSubject(review).text;

  const summary = workbook.addWorksheet(REVIEW_SHEETS.summary);
  summary.columns = [
    { header: 'Chỉ tiêu', key: 'label', width: 48 },
    { header: 'Số lượng', key: 'value', width: 14 },
    { header: 'Mã bản ghi', key: 'ids', width: 60 },
  ];
  const { meetings, assignments: a, votes, staffConference } = review.figures;
  const fig = (label: string, figure: Figure) =>
    summary.addRow({ label, value: figure.count, ids: figure.ids.join(', ') });
  const text = (label: string, value: string) => summary.addRow({ label, value, ids: '' });
  text('Đơn vị', review.body.unitName);
  text('Ban', review.body.name);
  text('Kỳ báo cáo', `${civilDate(review.period.from)} - ${civilDate(review.period.to)}`);
  fig('Cuộc họp đã tổ chức', meetings.held);
  for (const [kind, figure] of Object.entries(meetings.byKind)) {
    if (figure.count > 0)
      fig(`- ${meetingKindLabel(kind as keyof typeof meetings.byKind)}`, figure);
  }
  fig('Biên bản đã thông qua', meetings.minutesApproved);
  fig('Cuộc họp bị hủy', meetings.cancelled);
  fig('Nhiệm vụ trong kỳ', a.total);
  fig('Hoàn thành', a.done);
  fig('Hoàn thành đúng hạn', a.onTime);
  fig('Hoàn thành trễ hạn', a.late);
  fig('Chờ duyệt kết quả', a.awaitingApproval);
  fig('Đang thực hiện trong hạn', a.open);
  fig('Quá hạn', a.overdue);
  fig('Đã hủy', a.cancelled);
  text('Tỷ lệ hoàn thành đúng hạn', percent(a.onTimeRate));
  text('Tỷ lệ hoàn thành trễ hạn', percent(a.lateRate));
  text('Tỷ lệ hoàn thành', percent(a.completionRate));
  if (votes.available) {
    fig('Lượt biểu quyết', votes.motions);
    fig('Được thông qua', votes.adopted);
    fig('Không được thông qua', votes.rejected);
    fig('Chưa đủ điều kiện quyết định', votes.undecided);
    fig('Cuộc bầu cử', votes.elections);
    fig('Bầu cử có kết quả trúng cử', votes.electionsDecided);
  }
  if (staffConference) {
    summary.addRow({
      label: `Hội nghị CBCCVC năm ${staffConference.workYear} (hạn ${civilDate(staffConference.dueBy)})`,
      value: staffConference.status,
      ids: staffConference.meetingIds.join(', '),
    });
    for (const check of staffConference.resolutionReviews) {
      summary.addRow({
        label: `Kiểm điểm 6 tháng nghị quyết hội nghị năm ${check.conferenceYear} (hạn ${civilDate(check.dueBy)})`,
        value: RESOLUTION_REVIEW_LABELS[check.status],
        ids: [check.conferenceMeetingId, ...check.meetingIds].filter(Boolean).join(', '),
      });
    }
  }
  text('Ghi chú', cutOffText(review));

  const meetingSheet = workbook.addWorksheet(REVIEW_SHEETS.meetings);
  meetingSheet.columns = [
    { header: 'Mã', key: 'id', width: 28 },
    { header: 'Tên cuộc họp', key: 'title', width: 48 },
    { header: 'Loại', key: 'kind', width: 30 },
    { header: 'Thời gian', key: 'startsAt', width: 20 },
    { header: 'Trạng thái', key: 'status', width: 18 },
    { header: 'Biên bản đã thông qua', key: 'approved', width: 22 },
  ];
  for (const row of review.meetingRows) {
    meetingSheet.addRow({
      id: row.id,
      title: row.title,
      kind: meetingKindLabel(row.kind),
      startsAt: formatDateTime(row.startsAt, 'vi'),
      status: row.status,
      approved: row.minutesApproved ? 'Có' : 'Chưa',
    });
  }

  const assignmentSheet = workbook.addWorksheet(REVIEW_SHEETS.assignments);
  assignmentSheet.columns = [
    { header: 'Mã', key: 'id', width: 28 },
    { header: 'Nhiệm vụ', key: 'title', width: 48 },
    { header: 'Chủ trì thực hiện', key: 'owner', width: 26 },
    { header: 'Thời hạn', key: 'deadline', width: 12 },
    { header: 'Thời hạn ban đầu', key: 'originalDeadline', width: 16 },
    { header: 'Tình trạng cuối kỳ', key: 'state', width: 20 },
    { header: 'Đúng hạn/Trễ hạn', key: 'onTime', width: 16 },
    { header: 'Ngày hoàn thành', key: 'finishedAt', width: 16 },
  ];
  for (const row of review.assignmentRows) {
    assignmentSheet.addRow({
      id: row.id,
      title: row.title,
      owner: row.ownerName,
      deadline: civilDate(row.deadline),
      originalDeadline: civilDate(row.originalDeadline),
      state: STATE_LABELS[row.stateAtEnd],
      onTime: row.onTime === null ? '' : row.onTime ? 'Đúng hạn' : 'Trễ hạn',
      finishedAt: row.finishedAt ? formatDate(row.finishedAt) : '',
    });
  }

  const overdueSheet = workbook.addWorksheet(REVIEW_SHEETS.overdue);
  overdueSheet.columns = [
    { header: 'Mã', key: 'id', width: 28 },
    { header: 'Nhiệm vụ', key: 'title', width: 48 },
    { header: 'Chủ trì thực hiện', key: 'owner', width: 26 },
    { header: 'Thời hạn', key: 'deadline', width: 12 },
    { header: 'Số ngày quá hạn', key: 'days', width: 16 },
  ];
  for (const row of review.overdue) {
    overdueSheet.addRow({
      id: row.id,
      title: row.title,
      owner: row.ownerName,
      deadline: civilDate(row.deadline),
      days: row.daysOverdue ?? 0,
    });
  }
  const sheets = [summary, meetingSheet, assignmentSheet, overdueSheet];
  sheets.push(...citizenSheets(workbook, review));
  for (const sheet of sheets) {
    sheet.getRow(1).font = { bold: true };
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** One sheet per citizen/Front area: each figure with the record ids behind it. */
function citizenSheets(workbook: ExcelJS.Workbook, review: BodyReview): ExcelJS.Worksheet[] {
  const { front, reception, cases, disclosures } = review.figures.citizens;
  const sheets: ExcelJS.Worksheet[] = [];
  const sheet = (name: string, rows: [string, Figure | string | number][]) => {
    const ws = workbook.addWorksheet(name);
    ws.columns = [
      { header: 'Chỉ tiêu', key: 'label', width: 56 },
      { header: 'Số lượng', key: 'value', width: 14 },
      { header: 'Mã bản ghi', key: 'ids', width: 60 },
    ];
    for (const [label, value] of rows) {
      if (typeof value === 'object') {
        ws.addRow({ label, value: value.count, ids: value.ids.join(', ') });
      } else ws.addRow({ label, value, ids: '' });
    }
    sheets.push(ws);
  };
  if (front.available) {
    sheet(REVIEW_SHEETS.front, [
      ['Kiến nghị đã tiếp nhận', front.received],
      ['Kiến nghị đã trả lời', front.answered],
      ['Trả lời đúng hạn', front.answeredOnTime],
      ['Trả lời trễ hạn', front.answeredLate],
      ['Quá hạn chưa trả lời', front.openOverdue],
      ['Tỷ lệ trả lời đúng hạn', percent(front.onTimeRate)],
    ]);
  }
  if (reception.available) {
    const rows: [string, Figure | string | number][] = [
      ['Buổi tiếp công dân, đối thoại đã tổ chức', reception.held],
    ];
    for (const kind of reception.kinds) {
      rows.push(
        [receptionLabel(kind.kind), kind.held],
        [`- Yêu cầu tối thiểu (${kind.basis})`, kind.required],
        ['- Số kỳ chưa tổ chức đủ', kind.periodsShort],
      );
    }
    sheet(REVIEW_SHEETS.reception, rows);
  }
  if (cases.available) {
    const k = cases.byKind;
    sheet(REVIEW_SHEETS.cases, [
      ['Đơn đã tiếp nhận', cases.received],
      ['- Khiếu nại', k.complaint.received],
      ['- Tố cáo', k.denunciation.received],
      ['- Phản ánh, kiến nghị', k.feedback.received],
      ['Đã giải quyết', cases.resolved],
      ['Giải quyết đúng thời hạn', cases.resolvedOnTime],
      ['Giải quyết quá thời hạn', cases.resolvedLate],
      ['Không thụ lý', cases.rejected],
      ['Quá hạn chưa giải quyết', cases.openOverdue],
    ]);
  }
  if (disclosures.available) {
    sheet(REVIEW_SHEETS.disclosures, [
      ['Nội dung đã công khai', disclosures.made],
      ['Kết thúc công khai', disclosures.ended],
      ['Chưa công khai đúng thời điểm', disclosures.startOverdue],
    ]);
  }
  return sheets;
}
