package cn.duban.supervision;

import java.time.OffsetDateTime;

/** One supervision step on a task, with its time and reason: the task's supervision record. */
public record SupervisionEvent(
        Kind kind, EscalationLevel level, String reason, String actor, OffsetDateTime happenedAt) {

    public enum Kind {
        /** 临期提醒. */
        DUE_SOON("临期提醒"),
        /** 逾期: the deadline passed with the task still with the units. */
        OVERDUE("逾期"),
        /** A repeated reminder while overdue. */
        OVERDUE_REMINDER("逾期提醒"),
        /** The escalation ladder rose a step. */
        ESCALATED("预警升级"),
        /** 催办 by the supervision office. */
        URGED("催办"),
        /** 限期整改: inspection sent the result back with findings and a new deadline. */
        RECTIFICATION_ORDERED("限期整改"),
        /** Inspection found falsified or inconsistent data. */
        FALSIFICATION_FOUND("数据不实"),
        /** An accountability case was opened. */
        ACCOUNTABILITY_OPENED("启动问责"),
        /** A leader decided an accountability case. */
        ACCOUNTABILITY_DECIDED("问责决定"),
        /** 延期申请 by the lead unit. */
        EXTENSION_REQUESTED("延期申请"),
        /** The extension was approved: the task has a new deadline. */
        EXTENSION_APPROVED("批准延期"),
        /** The extension was refused by the supervision office or a leader. */
        EXTENSION_REFUSED("不予延期"),
        /** 退回: the lead unit says the task is not its own. */
        RETURNED_TO_OFFICE("退回督查办"),
        /** The supervision office gave the task to another lead unit. */
        REASSIGNED("重新交办"),
        /** 进展报送: a unit reported its progress. */
        PROGRESS_REPORTED("进展报送"),
        /** A periodic progress report was not in by its due date: it counts like an overdue item. */
        PROGRESS_REPORT_MISSED("逾期未报进展");

        private final String chineseName;

        Kind(String chineseName) {
            this.chineseName = chineseName;
        }

        public String chineseName() {
            return chineseName;
        }
    }
}
