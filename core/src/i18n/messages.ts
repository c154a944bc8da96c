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
    'DOWNLOAD.NOT_FOUND':
      'Liên kết tải xuống đã hết hạn hoặc đã được dùng. Vui lòng bấm tải lại trong ứng dụng.',
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
    'CONSULTATION.NOT_FOUND': 'Không tìm thấy đợt giám sát, phản biện này.',
    'CONSULTATION.TRANSITION_NOT_ALLOWED':
      'Không thể thực hiện "{transition}" khi đợt giám sát, phản biện đang ở trạng thái "{status}".',
    'CONSULTATION.CLOSED':
      'Đợt giám sát, phản biện đã kết thúc nên không thể thay đổi kiến nghị hay trả lời.',
    'CONSULTATION.NOT_SENT': 'Chỉ ghi nhận kiến nghị sau khi đã gửi dự thảo/báo cáo cho Mặt trận.',
    'CONSULTATION.FRONT_BODY_INVALID':
      'Tổ chức Mặt trận được chọn không tồn tại hoặc không phải là Ủy ban Mặt trận Tổ quốc.',
    'CONSULTATION.TOO_MANY_RECOMMENDATIONS':
      'Đợt giám sát, phản biện đã có tối đa {max} kiến nghị.',
    'RECOMMENDATION.NOT_FOUND': 'Không tìm thấy kiến nghị này.',
    'RECOMMENDATION.TRANSITION_NOT_ALLOWED':
      'Không thể thực hiện "{transition}" khi kiến nghị đang ở trạng thái "{status}".',
    'RECOMMENDATION.OWNER_NOT_MEMBER':
      'Người được giao trả lời kiến nghị phải là thành viên của ban.',
    'RECOMMENDATION.REASON_REQUIRED': 'Cần nêu lý do khi trả lại dự thảo trả lời.',
    'CASE.NOT_FOUND': 'Không tìm thấy hồ sơ này.',
    'CASE.TRANSITION_NOT_ALLOWED':
      'Không thể thực hiện "{transition}" khi hồ sơ đang ở trạng thái "{status}".',
    'CASE.REASON_REQUIRED': 'Cần nêu lý do cho thao tác "{transition}".',
    'CASE.HANDLER_NOT_MEMBER': 'Người được giao xử lý hồ sơ phải là thành viên của ban.',
    'CASE.EXTENSION_NOT_ALLOWED':
      'Không được gia hạn thêm: vụ việc này được gia hạn tối đa {max} lần ({basis}).',
    'RECEPTION.NOT_FOUND': 'Không tìm thấy buổi tiếp công dân này.',
    'RECEPTION.TRANSITION_NOT_ALLOWED':
      'Không thể thực hiện "{transition}" khi buổi tiếp công dân đang ở trạng thái "{status}".',
    'RECEPTION.HOST_NOT_MEMBER': 'Người chủ trì tiếp công dân phải là thành viên của ban.',
    'DEADLINE.RULE_NOT_FOUND': 'Không có quy định thời hạn "{rule}" áp dụng cho ngày {date}.',
    'DEADLINE.NOT_CONFIGURABLE':
      'Thời hạn "{rule}" do luật quy định nên đơn vị không thể tự cấu hình.',
    'DISCLOSURE.NOT_FOUND': 'Không tìm thấy nội dung công khai này.',
    'DISCLOSURE.TRANSITION_NOT_ALLOWED':
      'Không thể thực hiện "{transition}" khi nội dung công khai đang ở trạng thái "{status}".',
    'DATE.IN_FUTURE': 'Ngày "{field}" ({value}) không được sau ngày hôm nay ({today}).',
    'DATE.BEFORE_START': 'Ngày "{field}" ({value}) không được trước ngày {start}.',
    'CONCURRENCY.CONFLICT':
      'Dữ liệu đã được người khác thay đổi. Nội dung mới nhất đã được tải lại; vui lòng xem và sửa lại.',
    'STORAGE.UNAVAILABLE': 'Kho dữ liệu tạm thời không truy cập được. Vui lòng thử lại sau.',
    INTERNAL: 'Đã có lỗi hệ thống. Vui lòng thử lại; nếu vẫn lỗi, báo quản trị viên.',
    'VOTE.NOT_FOUND': 'Không tìm thấy nội dung biểu quyết này.',
    'VOTE.TRANSITION_NOT_ALLOWED':
      'Không thể thực hiện "{transition}" khi biểu quyết đang ở trạng thái "{status}".',
    'VOTE.MEETING_NOT_IN_PROGRESS':
      'Chỉ mở biểu quyết khi cuộc họp đang diễn ra (hiện tại: "{status}").',
    'VOTE.NOT_OPEN': 'Biểu quyết chưa mở nên chưa nhận phiếu.',
    'VOTE.CLOSED': 'Biểu quyết đã kết thúc nên không nhận thêm phiếu.',
    'VOTE.NOT_CLOSED':
      'Chỉ kiểm tra lại kết quả khi biểu quyết đã kết thúc (hiện tại: "{status}").',
    'VOTE.NOT_ELIGIBLE':
      'Bạn không có trong danh sách được biểu quyết (chỉ người được triệu tập có mặt khi mở biểu quyết).',
    'VOTE.ALREADY_CAST': 'Bạn đã biểu quyết nội dung này; phiếu đã ghi nhận không thể thay đổi.',
    'VOTE.INVALID_CHOICE': 'Lựa chọn không hợp lệ cho nội dung biểu quyết này.',
    'VOTE.ADOPTION_RULE_REQUIRED':
      'Loại cuộc họp này không quy định tỷ lệ thông qua; cần chọn quy tắc biểu quyết.',
    'VOTE.HOUSEHOLD_COUNT_REQUIRED': 'Cần nhập tổng số chủ hộ để tính tỷ lệ trên tổng số hộ.',
    'VOTE.COUNTING_BOARD_NOT_MEMBER':
      'Thành viên Ban kiểm phiếu phải là thành viên của ban/tổ chức.',
    'VOTE.ROOM_VOTE':
      'Nội dung này được biểu quyết và kiểm phiếu tại hội trường, không bỏ phiếu trên ứng dụng.',
    'VOTE.NOT_ROOM_VOTE': 'Chỉ nhập kết quả kiểm phiếu cho biểu quyết tại hội trường.',
    'VOTE.NOT_ON_COUNTING_BOARD':
      'Chỉ thành viên Ban kiểm phiếu được nhập và xác nhận kết quả kiểm phiếu.',
    'VOTE.TALLY_INVALID': 'Kết quả kiểm phiếu không hợp lệ: {detail}.',
    'VOTE.TALLY_CHANGED':
      'Kết quả kiểm phiếu đã được nhập lại (phiên bản {version}); vui lòng kiểm tra lại trước khi xác nhận.',
    'VOTE.TALLY_NOT_CONFIRMED':
      'Kết quả kiểm phiếu cần được toàn bộ Ban kiểm phiếu xác nhận ({confirmed}/{required}).',
    'VOTE.BALLOT_BOX_INCONSISTENT':
      'Hòm phiếu không khớp ({ballots} phiếu, {voted} người đã bỏ phiếu, {pending} đang xử lý); chưa công bố kết quả, cần kiểm tra.',
    'ELECTION.SEATS_OUT_OF_RANGE': 'Số người được bầu ({seats}) phải từ {min} đến {max} ({basis}).',
    'ELECTION.TOO_FEW_CANDIDATES':
      'Số ứng cử viên ({candidates}) ít hơn số người cần bầu ({seats}).',
    'ELECTION.DUPLICATE_CANDIDATE': 'Ứng cử viên "{name}" có tên hai lần trong danh sách.',
    'ELECTION.CANDIDATE_NOT_ELIGIBLE': '"{name}" không đủ điều kiện ứng cử ({basis}).',
    'ELECTION.TOO_MANY_MARKS': 'Mỗi phiếu bầu chọn tối đa {max} người.',
    'GRAPH.NOT_CONFIGURED':
      'Chưa cấu hình kết nối Microsoft Graph ({missing}). Quản trị viên cần khai báo ứng dụng Entra ID của QCDC.',
    'GRAPH.CONSENT_REQUIRED':
      'Tổ chức chưa đồng ý cấp quyền cho QCDC. Quản trị viên Entra ID cần vào Enterprise applications → QCDC → Permissions và bấm "Grant admin consent" cho quyền {permission} ({kind}).',
    'GRAPH.PERMISSION_DENIED':
      'Microsoft Graph từ chối: QCDC chưa có quyền {permission} ({kind}) hoặc bạn không có quyền xem dữ liệu này. Quản trị viên cần cấp quyền đó cho ứng dụng QCDC trong Entra ID.',
    'GRAPH.NOT_FOUND': 'Không tìm thấy {resource} trong Microsoft Teams.',
    'GRAPH.INVALID_REQUEST': 'Microsoft Graph không chấp nhận yêu cầu: {detail}',
    'GRAPH.THROTTLED':
      'Microsoft Graph đang giới hạn số lượng yêu cầu. Vui lòng thử lại sau {retryAfter} giây.',
    'GRAPH.UNAVAILABLE': 'Không kết nối được Microsoft Graph. Vui lòng thử lại sau.',
    'ROSTER.PROPOSAL_NOT_FOUND': 'Không có đề xuất thành viên nào cho người này.',
    'ROSTER.TOO_LARGE':
      'Danh sách có {count} người, vượt quá giới hạn {max} người cho một lần đồng bộ.',
    'ROSTER.NOT_A_MEMBER': 'Người được chọn không phải là thành viên của ban.',
    'ATTENDANCE.REPORT_NOT_FOUND': 'Teams chưa có báo cáo điểm danh cho cuộc họp trực tuyến này.',
    'ATTENDANCE.NO_ONLINE_MEETING':
      'Cuộc họp chưa gắn với cuộc họp Teams nào: hãy chọn cuộc họp Teams (người tổ chức và mã cuộc họp).',
    'REPORT.PERIOD_INVALID':
      'Kỳ báo cáo không hợp lệ: cần từ ngày và đến ngày dạng yyyy-MM-dd ({issues}).',
    'REPORT.PERIOD_REVERSED': 'Kỳ báo cáo không hợp lệ: từ ngày {from} sau đến ngày {to}.',
    'REPORT.PERIOD_TOO_LONG': 'Kỳ báo cáo dài {days} ngày, vượt quá {max} ngày (2 năm).',
    'UNIT.NOT_FOUND': 'Không tìm thấy đơn vị này, hoặc bạn không phải quản trị viên của đơn vị.',
    'ADMIN.LAST_HEAD':
      'Không thể thực hiện: {body} phải còn ít nhất một Trưởng ban. Hãy giao vai trò Trưởng ban cho người khác trước.',
    'ADMIN.LAST_ADMIN': 'Đơn vị phải còn ít nhất một quản trị viên.',
    'ADMIN.MEMBER_NOT_FOUND': 'Người này không phải thành viên của {body}.',
    'ADMIN.BODY_NOT_IN_UNIT': 'Không tìm thấy ban/tổ chức này trong đơn vị.',
    'SETTINGS.VERSION_LOCKED':
      'Phiên bản cấu hình áp dụng từ {effectiveFrom} đã có hiệu lực nên không thể sửa. Hãy thêm phiên bản mới áp dụng từ hôm nay ({today}) trở đi.',
    'SETTINGS.EFFECTIVE_IN_PAST':
      'Ngày áp dụng {effectiveFrom} đã qua. Phiên bản mới chỉ áp dụng từ hôm nay ({today}) trở đi.',
    'HOLIDAY.INVALID': 'Lịch nghỉ năm {year} không hợp lệ: {issue}.',
    'DELEGATION.SELF': 'Không thể ủy quyền cho chính mình: {member} phải do người khác dự thay.',
    'DELEGATION.OVERLAP':
      '{member} đã có ủy quyền dự thay từ {from} đến {until} trùng thời gian này. Hãy kết thúc ủy quyền đó trước.',
    'DELEGATION.DATES_REVERSED': 'Ngày kết thúc ủy quyền ({until}) trước ngày bắt đầu ({from}).',
    'DELEGATION.NOT_FOUND': 'Không tìm thấy ủy quyền dự thay này trong đơn vị.',
    'DELEGATION.ALREADY_ENDED': 'Ủy quyền dự thay này đã kết thúc hoặc đã hủy.',
    'DELEGATION.END_INVALID':
      'Ngày kết thúc {until} không hợp lệ: phải từ hôm nay ({today}) và trong thời hạn ủy quyền ({from} đến {current}).',
    'ATTENDANCE.NO_STANDING_DELEGATE':
      'Thành viên này không có ủy quyền dự thay còn hiệu lực vào ngày họp; hãy ghi tên người dự thay.',
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
    'DOWNLOAD.NOT_FOUND':
      'This download link has expired or was already used. Please download again from the app.',
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
    'CONSULTATION.NOT_FOUND': 'This consultation was not found.',
    'CONSULTATION.TRANSITION_NOT_ALLOWED':
      'Cannot "{transition}" a consultation that is "{status}".',
    'CONSULTATION.CLOSED':
      'The consultation is closed, so its recommendations and responses can no longer change.',
    'CONSULTATION.NOT_SENT':
      'Recommendations are recorded once the draft or report has been sent to the Front.',
    'CONSULTATION.FRONT_BODY_INVALID':
      'The Front body chosen does not exist or is not a Fatherland Front committee.',
    'CONSULTATION.TOO_MANY_RECOMMENDATIONS':
      'The consultation already has the maximum of {max} recommendations.',
    'RECOMMENDATION.NOT_FOUND': 'This recommendation was not found.',
    'RECOMMENDATION.TRANSITION_NOT_ALLOWED':
      'Cannot "{transition}" a recommendation that is "{status}".',
    'RECOMMENDATION.OWNER_NOT_MEMBER':
      'The person answering a recommendation must be a member of the body.',
    'RECOMMENDATION.REASON_REQUIRED': 'Returning a draft response needs a reason.',
    'CASE.NOT_FOUND': 'This case was not found.',
    'CASE.TRANSITION_NOT_ALLOWED': 'Cannot "{transition}" a case that is "{status}".',
    'CASE.REASON_REQUIRED': '"{transition}" needs a reason.',
    'CASE.HANDLER_NOT_MEMBER': 'Case handlers must be members of the body.',
    'CASE.EXTENSION_NOT_ALLOWED':
      'No further extension: this case may be extended at most {max} times ({basis}).',
    'RECEPTION.NOT_FOUND': 'This reception session was not found.',
    'RECEPTION.TRANSITION_NOT_ALLOWED':
      'Cannot "{transition}" a reception session that is "{status}".',
    'RECEPTION.HOST_NOT_MEMBER': 'The host of a reception session must be a member of the body.',
    'DEADLINE.RULE_NOT_FOUND': 'No deadline rule "{rule}" applies on {date}.',
    'DEADLINE.NOT_CONFIGURABLE':
      'The "{rule}" time limit is set by law, so a unit cannot configure it.',
    'DISCLOSURE.NOT_FOUND': 'This disclosure was not found.',
    'DISCLOSURE.TRANSITION_NOT_ALLOWED': 'Cannot "{transition}" a disclosure that is "{status}".',
    'DATE.IN_FUTURE': '"{field}" ({value}) cannot be after today ({today}).',
    'DATE.BEFORE_START': '"{field}" ({value}) cannot be before {start}.',
    'CONCURRENCY.CONFLICT':
      'Someone else changed this in the meantime. The latest version has been loaded; please review and edit again.',
    'STORAGE.UNAVAILABLE': 'Storage is temporarily unavailable. Please try again later.',
    INTERNAL:
      'Something went wrong on our side. Please retry; if it persists, tell your administrator.',
    'VOTE.NOT_FOUND': 'This vote was not found.',
    'VOTE.TRANSITION_NOT_ALLOWED': 'Cannot "{transition}" a vote that is "{status}".',
    'VOTE.MEETING_NOT_IN_PROGRESS':
      'A vote opens only while the meeting is in progress (now: "{status}").',
    'VOTE.NOT_OPEN': 'The vote is not open yet, so no ballots are accepted.',
    'VOTE.CLOSED': 'The vote has closed, so no more ballots are accepted.',
    'VOTE.NOT_CLOSED': 'A result can be verified once the vote has closed (now: "{status}").',
    'VOTE.NOT_ELIGIBLE':
      'You are not on the roster for this vote (those summoned and present when it opened).',
    'VOTE.ALREADY_CAST': 'You have already voted on this; the recorded ballot cannot be changed.',
    'VOTE.INVALID_CHOICE': 'That is not a valid choice for this vote.',
    'VOTE.ADOPTION_RULE_REQUIRED':
      'This kind of meeting sets no adoption rule; choose one for the vote.',
    'VOTE.HOUSEHOLD_COUNT_REQUIRED':
      'The number of households is needed for a rule over all households.',
    'VOTE.COUNTING_BOARD_NOT_MEMBER': 'Counting board members must be members of the body.',
    'VOTE.ROOM_VOTE': 'This vote is counted in the room, not cast in the app.',
    'VOTE.NOT_ROOM_VOTE': 'Tallies are entered only for votes counted in the room.',
    'VOTE.NOT_ON_COUNTING_BOARD': 'Only the counting board enters and confirms the tally.',
    'VOTE.TALLY_INVALID': 'The tally does not add up: {detail}.',
    'VOTE.TALLY_CHANGED':
      'The tally was entered again (version {version}); please check it before confirming.',
    'VOTE.TALLY_NOT_CONFIRMED':
      'The whole counting board must confirm the tally ({confirmed}/{required}).',
    'VOTE.BALLOT_BOX_INCONSISTENT':
      'The ballot box does not add up ({ballots} ballots, {voted} voted, {pending} pending); no result announced, check required.',
    'ELECTION.SEATS_OUT_OF_RANGE':
      'The number of seats ({seats}) must be between {min} and {max} ({basis}).',
    'ELECTION.TOO_FEW_CANDIDATES':
      'There are fewer candidates ({candidates}) than seats ({seats}).',
    'ELECTION.DUPLICATE_CANDIDATE': 'Candidate "{name}" is listed twice.',
    'ELECTION.CANDIDATE_NOT_ELIGIBLE': '"{name}" may not stand ({basis}).',
    'ELECTION.TOO_MANY_MARKS': 'A ballot may mark at most {max} candidates.',
    'GRAPH.NOT_CONFIGURED':
      'Microsoft Graph is not configured ({missing}). An administrator must set up the QCDC Entra ID app.',
    'GRAPH.CONSENT_REQUIRED':
      'Your organisation has not consented to QCDC yet. An Entra ID administrator must open Enterprise applications → QCDC → Permissions and "Grant admin consent" for {permission} ({kind}).',
    'GRAPH.PERMISSION_DENIED':
      'Microsoft Graph refused: QCDC lacks the {permission} permission ({kind}) or you may not see this data. An administrator must grant that permission to the QCDC app in Entra ID.',
    'GRAPH.NOT_FOUND': 'The {resource} was not found in Microsoft Teams.',
    'GRAPH.INVALID_REQUEST': 'Microsoft Graph refused the request: {detail}',
    'GRAPH.THROTTLED':
      'Microsoft Graph is throttling requests. Please try again in {retryAfter} seconds.',
    'GRAPH.UNAVAILABLE': 'Microsoft Graph could not be reached. Please try again later.',
    'ROSTER.PROPOSAL_NOT_FOUND': 'There is no membership proposal for this person.',
    'ROSTER.TOO_LARGE': 'The list has {count} people, more than the {max} one sync may take.',
    'ROSTER.NOT_A_MEMBER': 'The person chosen is not a member of the body.',
    'ATTENDANCE.REPORT_NOT_FOUND': 'Teams has no attendance report for this online meeting yet.',
    'ATTENDANCE.NO_ONLINE_MEETING':
      'This meeting is not linked to a Teams meeting: choose the Teams meeting (organizer and meeting id).',
    'REPORT.PERIOD_INVALID':
      'The report period is not valid: send from and to as yyyy-MM-dd ({issues}).',
    'REPORT.PERIOD_REVERSED': 'The report period is not valid: {from} is after {to}.',
    'REPORT.PERIOD_TOO_LONG':
      'The report period is {days} days long, more than {max} days (2 years).',
    'UNIT.NOT_FOUND': 'This unit was not found, or you are not one of its administrators.',
    'ADMIN.LAST_HEAD':
      'Not possible: {body} must keep at least one head. Give the head role to someone else first.',
    'ADMIN.LAST_ADMIN': 'The unit must keep at least one administrator.',
    'ADMIN.MEMBER_NOT_FOUND': 'This person is not a member of {body}.',
    'ADMIN.BODY_NOT_IN_UNIT': 'This body was not found in the unit.',
    'SETTINGS.VERSION_LOCKED':
      'The settings version in force from {effectiveFrom} already applies and cannot be edited. Add a new version from today ({today}) on.',
    'SETTINGS.EFFECTIVE_IN_PAST':
      'The date {effectiveFrom} has passed. A new version applies from today ({today}) on.',
    'HOLIDAY.INVALID': 'The {year} holiday table is not valid: {issue}.',
    'DELEGATION.SELF':
      'A member cannot be their own delegate: someone else must stand in for {member}.',
    'DELEGATION.OVERLAP':
      '{member} already has a delegation from {from} to {until} overlapping these dates. End that one first.',
    'DELEGATION.DATES_REVERSED': 'The delegation ends ({until}) before it starts ({from}).',
    'DELEGATION.NOT_FOUND': 'This delegation was not found in the unit.',
    'DELEGATION.ALREADY_ENDED': 'This delegation has already ended or been cancelled.',
    'DELEGATION.END_INVALID':
      'The end date {until} is not valid: it must be today ({today}) or later and within the delegation ({from} to {current}).',
    'ATTENDANCE.NO_STANDING_DELEGATE':
      'This member has no standing delegation in force on the meeting date; enter who attended in their place.',
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
