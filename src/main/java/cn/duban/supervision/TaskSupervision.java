package cn.duban.supervision;

import java.time.LocalDate;

/** One plan task's supervision row: its state, its deadline, and where it stands on the escalation ladder. */
public record TaskSupervision(String taskCode, String processInstanceId, SupervisionState state, LocalDate deadline,
                              EscalationLevel escalationLevel, int workingDaysOverdue, int timesUrged) {

    static TaskSupervision dispatched(String taskCode, String processInstanceId, LocalDate deadline) {
        return new TaskSupervision(taskCode, processInstanceId, SupervisionState.ON_TRACK, deadline,
                EscalationLevel.NONE, 0, 0);
    }

    TaskSupervision with(SupervisionState newState, LocalDate newDeadline, EscalationLevel level, int overdue) {
        return new TaskSupervision(taskCode, processInstanceId, newState, newDeadline, level, overdue, timesUrged);
    }
}
