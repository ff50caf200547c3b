package cn.duban.supervision;

import java.time.LocalDate;

/**
 * One plan task's supervision row: its state, its deadline, and where it stands on the escalation ladder.
 *
 * @param missedDeadline the deadline in force passed while the task was with the units: it cannot count as done on
 *                       time any more, whatever happens next
 */
public record TaskSupervision(
        String taskCode,
        String processInstanceId,
        SupervisionState state,
        LocalDate deadline,
        EscalationLevel escalationLevel,
        int workingDaysOverdue,
        int timesUrged,
        boolean missedDeadline) {

    static TaskSupervision dispatched(String taskCode, String processInstanceId, LocalDate deadline) {
        return new TaskSupervision(
                taskCode, processInstanceId, SupervisionState.ON_TRACK, deadline, EscalationLevel.NONE, 0, 0, false);
    }

    TaskSupervision with(SupervisionState newState, LocalDate newDeadline, EscalationLevel level, int overdue) {
        return new TaskSupervision(
                taskCode, processInstanceId, newState, newDeadline, level, overdue, timesUrged, missedDeadline);
    }

    TaskSupervision deadlineMissed() {
        return new TaskSupervision(
                taskCode, processInstanceId, state, deadline, escalationLevel, workingDaysOverdue, timesUrged, true);
    }
}
