"""The Chinese name of each action code written to the audit log (`AuditLog.action`), for the admin and
the pages that show the log. A code not named here is shown as it is (a test keeps the table complete)."""

from __future__ import annotations

ACTION_LABELS: dict[str, str] = {
    # Sign-in
    "login": "登录",
    "logout": "退出登录",
    "login_failed": "登录失败",
    "login_locked_out": "登录锁定",
    # Bodies, users, roles
    "agency_add": "新增机关",
    "agency_change": "修改机关",
    "agency_delete": "删除机关",
    "user_create": "新增用户",
    "user_change": "修改用户",
    "user_delete": "删除用户",
    "user_deactivate": "停用用户",
    "user_grant_admin_site": "授予管理后台权限",
    "membership_grant": "授予角色",
    "membership_change": "修改角色",
    "membership_revoke": "撤销角色",
    "group_change": "修改权限组",
    "admin_change": "管理后台修改",
    # Applications
    "application_read": "查看申请",
    "application_register": "登记申请",
    "application_submit_online": "网上提交申请",
    "application_submit_correction_online": "网上提交补正",
    "application_confirm_receipt": "确认收到申请",
    "application_request_correction": "告知补正",
    "application_receive_correction": "收到补正",
    "application_lapse_correction": "逾期未补正办结",
    "application_start_consultation": "征求意见",
    "application_end_consultation": "征求意见结果",
    "application_extend": "延期答复",
    "application_notify_fee": "收费通知",
    "application_record_payment": "登记缴费",
    "application_lapse_fee": "逾期未缴费办结",
    "application_withdraw": "申请人撤回",
    "application_draft_reply": "拟写答复",
    "application_sign_reply": "签发答复书",
    "application_record_delivery": "登记送达",
    # Staff pages opened (refusals name the page)
    "workbench_queue": "打开申请列表",
    "workbench_intake": "登记申请页面",
    "workbench_overview": "打开辖区概况",
    "workbench_appeals": "打开复议诉讼列表",
    "workbench_appeal_register": "登记复议诉讼案件页面",
    "workbench_register_import": "导入台账页面",
    "workbench_register_export": "导出台账页面",
    # Register
    "register_import": "导入台账",
    "register_export": "导出台账",
    # Appeals
    "appeal_case_read": "查看复议诉讼案件",
    "appeal_case_register": "登记复议诉讼案件",
    "appeal_case_update": "更新复议诉讼案件",
    "appeal_case_decide": "登记复议诉讼结果",
    # Annual reports
    "published_report_audit": "审核年度报告",
    "published_report_import": "导入年度报告",
    "published_report_view": "查看年度报告",
    "published_report_batch": "查看一批年度报告",
    "published_report_export": "导出审核发现",
    "published_report_history": "查看历年报告",
    "audit_finding_review": "核实审核发现",
    # Calendar
    "calendar_day_set": "设置节假日或调休",
    "calendar_day_clear": "清除节假日或调休",
    "calendar_year_mark_complete": "标记年度日历已完整",
    "calendar_year_mark_incomplete": "标记年度日历未完整",
    "calendar_load_package": "载入节假日数据包",
    # API
    "api_token_create": "创建接口令牌",
    "api_token_revoke": "吊销接口令牌",
    "api_refused": "接口越权调用",
    # Operations
    "demo_load": "载入演示数据",
    "backup": "备份",
    "restore": "恢复备份",
}


def action_label(code: str) -> str:
    return ACTION_LABELS.get(code, code)
