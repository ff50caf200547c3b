package cn.duban.supervision;

import java.time.OffsetDateTime;

/** One supervision step on a task, with its time and reason: the task's supervision record. */
public record SupervisionEvent(Kind kind, EscalationLevel level, String reason, String actor,
                               OffsetDateTime happenedAt) {

    public enum Kind {
        /** 临期提醒. */
        DUE_SOON,
        /** 逾期: the deadline passed with the task still with the units. */
        OVERDUE,
        /** A repeated reminder while overdue. */
        OVERDUE_REMINDER,
        /** The escalation ladder rose a step. */
        ESCALATED,
        /** 催办 by the supervision office. */
        URGED,
        /** 限期整改: inspection sent the result back with findings and a new deadline. */
        RECTIFICATION_ORDERED,
        /** Inspection found falsified or inconsistent data. */
        FALSIFICATION_FOUND,
        /** An accountability case was opened. */
        ACCOUNTABILITY_OPENED,
        /** A leader decided an accountability case. */
        ACCOUNTABILITY_DECIDED,
        /** 延期申请 by the lead unit. */
        EXTENSION_REQUESTED,
        /** The extension was approved: the task has a new deadline. */
        EXTENSION_APPROVED,
        /** The extension was refused by the supervision office or a leader. */
        EXTENSION_REFUSED,
        /** 退回: the lead unit says the task is not its own. */
        RETURNED_TO_OFFICE,
        /** The supervision office gave the task to another lead unit. */
        REASSIGNED,
        /** 进展报送: a unit reported its progress. */
        PROGRESS_REPORTED,
        /** A periodic progress report was not in by its due date: it counts like an overdue item. */
        PROGRESS_REPORT_MISSED
    }
}
