import type { ErrorCode } from '../errors/error-codes';
import type { Locale } from './locale';

type Catalogue = Record<ErrorCode, string>;

/** User-facing error text. `{name}` placeholders are filled from the error's params. */
const errorMessages: Record<Locale, Catalogue> = {
  vi: {
    'AUTH.MISSING_TOKEN': 'Yêu cầu chưa có mã xác thực. Vui lòng đăng nhập lại.',
    'AUTH.INVALID_TOKEN': 'Mã xác thực không hợp lệ. Vui lòng đăng nhập lại.',
    'AUTH.TOKEN_EXPIRED': 'Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.',
    'AUTH.TENANT_NOT_ALLOWED': 'Tổ chức của bạn chưa được phép sử dụng ứng dụng này.',
    'VALIDATION.FAILED': 'Dữ liệu gửi lên không hợp lệ: {issues}',
    'REQUEST.TOO_LARGE': 'Dữ liệu gửi lên quá lớn (tối đa {maxBytes} byte).',
    'REQUEST.NOT_FOUND': 'Không tìm thấy địa chỉ yêu cầu.',
    'PERMISSION.DENIED': 'Bạn không có quyền thực hiện thao tác này ({action}).',
    'BODY.NOT_FOUND': 'Không tìm thấy ban/tổ chức này.',
    'MEETING.NOT_FOUND': 'Không tìm thấy cuộc họp này.',
    'MEETING.NOT_EDITABLE': 'Cuộc họp ở trạng thái "{status}" nên không thể sửa nội dung.',
    'MEETING.PERSON_NOT_MEMBER': 'Người được chọn làm {role} không phải là thành viên của ban.',
    'MEETING.ENDS_BEFORE_START': 'Thời gian kết thúc phải sau thời gian bắt đầu.',
    'MEETING.TRANSITION_NOT_ALLOWED':
      'Không thể thực hiện "{transition}" khi cuộc họp đang ở trạng thái "{status}".',
    'MEETING.REASON_REQUIRED': 'Cần nêu lý do cho thao tác "{transition}".',
    'MEETING.QUORUM_NOT_MET':
      'Cuộc họp chưa đủ số lượng tham dự theo quy định ({present}/{summoned}, cần {required}; {basis}).',
    'ATTENDANCE.NOT_A_MEMBER': 'Người được điểm danh không thuộc thành phần được triệu tập.',
    'ATTENDANCE.NOT_OPEN': 'Chỉ điểm danh khi cuộc họp đã lên lịch hoặc đang diễn ra.',
    'MINUTES.LOCKED':
      'Biên bản đang chờ duyệt hoặc đã được duyệt nên không thể sửa (trạng thái "{status}").',
    'MINUTES.UNKNOWN_SECTION': 'Không có mục "{section}" trong biên bản của cuộc họp này.',
    'MINUTES.NOT_APPROVED':
      'Chỉ xuất văn bản khi biên bản đã được chủ trì duyệt (hiện tại: "{status}").',
    'ASSIGNMENT.NOT_FOUND': 'Không tìm thấy nhiệm vụ này.',
    'ASSIGNMENT.TRANSITION_NOT_ALLOWED':
      'Không thể thực hiện "{transition}" khi nhiệm vụ đang ở trạng thái "{status}".',
    'ASSIGNMENT.REASON_REQUIRED': 'Cần nêu lý do cho thao tác "{transition}".',
    'ASSIGNMENT.PERSON_NOT_MEMBER': 'Người được giao nhiệm vụ phải là thành viên của ban.',
    'ASSIGNMENT.DEADLINE_IN_PAST': 'Thời hạn không được ở trong quá khứ.',
    'ASSIGNMENT.EXTENSION_NOT_LATER':
      'Thời hạn đề nghị gia hạn phải sau thời hạn hiện tại ({deadline}).',
    'ASSIGNMENT.NO_EXTENSION_PENDING': 'Nhiệm vụ không có đề nghị gia hạn nào đang chờ.',
    'ASSIGNMENT.NOT_ACTIVE': 'Nhiệm vụ đã kết thúc (trạng thái "{status}").',
    'ASSIGNMENT.TOO_MANY_UPDATES': 'Nhiệm vụ đã có tối đa {max} lần cập nhật tiến độ.',
    'CONCURRENCY.CONFLICT':
      'Dữ liệu đã được người khác thay đổi. Nội dung mới nhất đã được tải lại; vui lòng xem và sửa lại.',
    'STORAGE.UNAVAILABLE': 'Kho dữ liệu tạm thời không truy cập được. Vui lòng thử lại sau.',
    INTERNAL: 'Đã có lỗi hệ thống. Vui lòng thử lại; nếu vẫn lỗi, báo quản trị viên.',
  },
  en: {
    'AUTH.MISSING_TOKEN': 'The request carries no sign-in token. Please sign in again.',
    'AUTH.INVALID_TOKEN': 'The sign-in token is not valid. Please sign in again.',
    'AUTH.TOKEN_EXPIRED': 'Your session has expired. Please sign in again.',
    'AUTH.TENANT_NOT_ALLOWED': 'Your organisation is not allowed to use this app yet.',
    'VALIDATION.FAILED': 'The data sent is not valid: {issues}',
    'REQUEST.TOO_LARGE': 'The data sent is too large (at most {maxBytes} bytes).',
    'REQUEST.NOT_FOUND': 'No such address.',
    'PERMISSION.DENIED': 'You are not allowed to do this ({action}).',
    'BODY.NOT_FOUND': 'This body was not found.',
    'MEETING.NOT_FOUND': 'This meeting was not found.',
    'MEETING.NOT_EDITABLE': 'The meeting is "{status}", so its content can no longer be edited.',
    'MEETING.PERSON_NOT_MEMBER': 'The person chosen as {role} is not a member of the body.',
    'MEETING.ENDS_BEFORE_START': 'The end time must be after the start time.',
    'MEETING.TRANSITION_NOT_ALLOWED': 'Cannot "{transition}" a meeting that is "{status}".',
    'MEETING.REASON_REQUIRED': '"{transition}" needs a reason.',
    'MEETING.QUORUM_NOT_MET':
      'The meeting lacks quorum ({present}/{summoned} present, {required} needed; {basis}).',
    'ATTENDANCE.NOT_A_MEMBER': 'That person was not summoned to this meeting.',
    'ATTENDANCE.NOT_OPEN': 'Attendance is recorded only for scheduled or running meetings.',
    'MINUTES.LOCKED':
      'The minutes are in review or approved, so they cannot be edited ("{status}").',
    'MINUTES.UNKNOWN_SECTION': 'This meeting\'s minutes have no section "{section}".',
    'MINUTES.NOT_APPROVED':
      'Documents are exported once the chair has approved the minutes (now: "{status}").',
    'ASSIGNMENT.NOT_FOUND': 'This assignment was not found.',
    'ASSIGNMENT.TRANSITION_NOT_ALLOWED': 'Cannot "{transition}" an assignment that is "{status}".',
    'ASSIGNMENT.REASON_REQUIRED': '"{transition}" needs a reason.',
    'ASSIGNMENT.PERSON_NOT_MEMBER': 'Assignees must be members of the body.',
    'ASSIGNMENT.DEADLINE_IN_PAST': 'The deadline cannot be in the past.',
    'ASSIGNMENT.EXTENSION_NOT_LATER':
      'The requested deadline must be after the current one ({deadline}).',
    'ASSIGNMENT.NO_EXTENSION_PENDING': 'There is no pending extension request.',
    'ASSIGNMENT.NOT_ACTIVE': 'The assignment is closed ("{status}").',
    'ASSIGNMENT.TOO_MANY_UPDATES':
      'The assignment already has the maximum of {max} progress updates.',
    'CONCURRENCY.CONFLICT':
      'Someone else changed this in the meantime. The latest version has been loaded; please review and edit again.',
    'STORAGE.UNAVAILABLE': 'Storage is temporarily unavailable. Please try again later.',
    INTERNAL:
      'Something went wrong on our side. Please retry; if it persists, tell your administrator.',
  },
};

export function errorMessage(
  locale: Locale,
  code: ErrorCode,
  params: Record<string, string | number> = {},
): string {
  return fill(errorMessages[locale][code], params);
}

function fill(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in params ? String(params[key]) : whole,
  );
}
