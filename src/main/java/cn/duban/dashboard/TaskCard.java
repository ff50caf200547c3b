package cn.duban.dashboard;

import java.time.LocalDate;

/**
 * What a Tasklist card shows about one open task: its plan, its absolute deadline ({@code due}, the task's own due
 * date in Beijing, e.g. a support unit's earlier one) with the working days left or overdue, and the supervised
 * task's state, level and urges (null level for tasks outside supervision, such as indicator reports).
 */
record TaskCard(String taskId, String planTitle, String taskCode, LocalDate due, String dueText, boolean overdue,
                int workingDaysLeft, int workingDaysOverdue, String state, String stateName, String level,
                String levelName, int timesUrged) {
}
