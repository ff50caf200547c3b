package cn.duban.dashboard;

import cn.duban.supervision.EscalationLevel;
import cn.duban.supervision.SupervisionState;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** One task of the ledger (台账). */
record LedgerRow(
        String planCode,
        String planTitle,
        String taskCode,
        String taskTitle,
        List<String> leadUnits,
        List<String> supportUnits,
        List<String> implementingUnits,
        LocalDate deadline,
        SupervisionState state,
        int workingDaysOverdue,
        EscalationLevel level,
        int timesUrged,
        String lastProgress,
        OffsetDateTime lastProgressAt,
        LocalDate closedOn,
        boolean missedDeadline,
        int rectifications,
        String taskText,
        String responsiblePerson,
        String contactPhone,
        String result,
        String remark) {

    /** 按时 for a task closed without missing its deadline, 逾期 once it missed it, empty while it is still open. */
    String timeliness() {
        if (missedDeadline) {
            return "逾期";
        }
        return state == SupervisionState.CLOSED ? "按时" : "";
    }
}
