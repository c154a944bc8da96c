import type { ConclusionNoticeData } from '../../src/documents/conclusion-notice-document.js';
import type { MinutesDocumentData } from '../../src/documents/minutes-document.js';

/** A realistic month-end meeting of the commune's grassroots-democracy steering committee. */
export function sampleMinutes(): MinutesDocumentData {
  return {
    parentBody: 'UBND XÃ CHI LĂNG',
    issuingBody: 'BAN CHỈ ĐẠO THỰC HIỆN DÂN CHỦ Ở CƠ SỞ',
    number: 'Số: 12/BB-BCĐ',
    placeAndDate: 'Chi Lăng, ngày 30 tháng 11 năm 2026',
    meetingTitle: 'Cuộc họp Ban Chỉ đạo thực hiện dân chủ ở cơ sở tháng 11 năm 2026',
    startedAt: '08 giờ 00 phút, ngày 30 tháng 11 năm 2026',
    endedAt: '10 giờ 30 phút cùng ngày',
    location: 'Hội trường Ủy ban nhân dân xã Chi Lăng',
    chair: { name: 'Triệu Văn Thanh', title: 'Chủ tịch UBND xã, Trưởng Ban Chỉ đạo' },
    secretary: {
      name: 'Hoàng Minh Tuấn',
      title: 'Công chức Văn phòng - Thống kê, Thư ký Ban Chỉ đạo',
    },
    attendees: [
      { name: 'Triệu Văn Thanh', title: 'Chủ tịch UBND xã, Trưởng ban', status: 'present' },
      {
        name: 'Lương Thị Hạnh',
        title: 'Chủ tịch Ủy ban MTTQ Việt Nam xã, Phó Trưởng ban',
        status: 'present',
      },
      {
        name: 'Hoàng Minh Tuấn',
        title: 'Công chức Văn phòng - Thống kê, Thư ký',
        status: 'present',
      },
      { name: 'Vi Văn Đức', title: 'Trưởng Công an xã, Ủy viên', status: 'present' },
      {
        name: 'Nông Thị Huyền',
        title: 'Chủ tịch Hội Liên hiệp Phụ nữ xã, Ủy viên',
        status: 'present',
      },
      {
        name: 'Lăng Văn Quý',
        title: 'Chủ tịch Hội Nông dân xã, Ủy viên',
        status: 'absentExcused',
        delegateName: 'Hà Văn Long',
      },
      { name: 'Đinh Thị Ngọc', title: 'Bí thư Đoàn Thanh niên xã, Ủy viên', status: 'present' },
      {
        name: 'Mông Văn Kiên',
        title: 'Chủ tịch Hội Cựu chiến binh xã, Ủy viên',
        status: 'absentExcused',
      },
      { name: 'Chu Thị Lụa', title: 'Công chức Tư pháp - Hộ tịch, Ủy viên', status: 'absent' },
    ],
    agendaItems: [
      {
        title: 'Đánh giá kết quả thực hiện dân chủ ở cơ sở tháng 11 năm 2026',
        discussion:
          'Đồng chí Hoàng Minh Tuấn báo cáo: trong tháng, UBND xã đã niêm yết công khai dự toán ngân sách năm 2027 tại trụ sở và 12 nhà văn hóa thôn; tổ chức 02 buổi tiếp công dân định kỳ, tiếp nhận 05 phản ánh, kiến nghị, đã giải quyết 04, còn 01 đang xác minh.\n\n' +
          'Đồng chí Lương Thị Hạnh đề nghị công khai thêm danh sách hộ nghèo, hộ cận nghèo năm 2027 trên hệ thống loa truyền thanh để Nhân dân biết, giám sát; Ban thanh tra nhân dân cần được mời dự buổi xét duyệt.\n' +
          'Đồng chí Vi Văn Đức cho biết tình hình an ninh trật tự ổn định, không phát sinh khiếu nại, tố cáo đông người.',
      },
      {
        title: 'Kế hoạch tổ chức Hội nghị cán bộ, công chức năm 2027',
        discussion:
          'Các thành viên thống nhất dự kiến tổ chức Hội nghị vào tuần thứ hai của tháng 01 năm 2027; Công đoàn cơ sở phối hợp chuẩn bị báo cáo và dự thảo quy chế chi tiêu nội bộ, lấy ý kiến cán bộ, công chức trước ngày 25/12/2026.',
      },
    ],
    votes: [
      {
        question: 'Thông qua Kế hoạch tổ chức Hội nghị cán bộ, công chức năm 2027',
        forCount: 7,
        againstCount: 0,
        abstainCount: 1,
        outcome: 'Thông qua (7/8 thành viên có mặt tán thành)',
      },
    ],
    conclusions: [
      'Biểu dương các thôn đã thực hiện tốt việc niêm yết, công khai thông tin theo quy định',
      'Giao Văn phòng UBND xã hoàn thành việc giải quyết phản ánh còn lại trước ngày 10/12/2026',
      'Thống nhất tổ chức Hội nghị cán bộ, công chức năm 2027 theo kế hoạch đã biểu quyết thông qua',
    ],
    assignments: [
      {
        title: 'Công khai danh sách hộ nghèo, hộ cận nghèo năm 2027 trên loa truyền thanh',
        owner: 'Văn phòng - Thống kê',
        deadline: '15/12/2026',
      },
      {
        title: 'Dự thảo quy chế chi tiêu nội bộ năm 2027, lấy ý kiến cán bộ, công chức',
        owner: 'Công đoàn cơ sở',
        deadline: '25/12/2026',
      },
    ],
    recipients: [
      'Thường trực Đảng ủy xã',
      'Thường trực HĐND xã',
      'Thành viên Ban Chỉ đạo',
      'Lưu: VT, BCĐ.',
    ],
    version: 2,
    approvedHash: '9f2c4e8a1b7d3f60c5a2e9d8b4f1a7c3e6d0b9a8f7e6d5c4b3a2918273645546',
  };
}

export function sampleConclusionNotice(): ConclusionNoticeData {
  const minutes = sampleMinutes();
  return {
    parentBody: minutes.parentBody,
    issuingBody: minutes.issuingBody,
    number: 'Số: 15/TB-BCĐ',
    placeAndDate: 'Chi Lăng, ngày 02 tháng 12 năm 2026',
    subject:
      'Kết luận của Trưởng Ban Chỉ đạo tại cuộc họp Ban Chỉ đạo thực hiện dân chủ ở cơ sở tháng 11 năm 2026',
    heldOn: 'Ngày 30 tháng 11 năm 2026',
    location: minutes.location,
    chair: minutes.chair,
    attendeesSummary: '07/09 thành viên Ban Chỉ đạo và đại diện Hội Nông dân xã',
    concluder: 'Trưởng Ban Chỉ đạo',
    conclusions: minutes.conclusions,
    assignments: minutes.assignments,
    signature: { capacity: ['TM. BAN CHỈ ĐẠO', 'TRƯỞNG BAN'], name: 'Triệu Văn Thanh' },
    recipients: ['Thường trực Đảng ủy xã', 'Thành viên Ban Chỉ đạo', 'Các thôn', 'Lưu: VT, BCĐ.'],
    version: 1,
  };
}
