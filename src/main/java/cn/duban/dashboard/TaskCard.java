package cn.duban.dashboard;

import java.time.LocalDate;

/**
 * What a Tasklist card shows about one open task: its plan, its absolute deadline ({@code due}, the task's own due
 * date in Beijing, e.g. a support unit's earlier one) with the working days left or overdue, and the supervised
 * task's state, level and urges (null level for tasks outside supervision, such as indicator reports). For the
 * decisions taken on a task: the deadline the plan set ({@code originalDeadline}), the one in force now after
 * extensions and rectifications ({@code deadline}), the working days the task is overdue against it, and how often
 * its result was sent back.
 */
record TaskCard(
        String taskId,
        String planTitle,
        String taskCode,
        LocalDate due,
        String dueText,
        boolean overdue,
        int workingDaysLeft,
        int workingDaysOverdue,
        String state,
        String stateName,
        String level,
        String levelName,
        int timesUrged,
        LocalDate originalDeadline,
        LocalDate deadline,
        int taskWorkingDaysOverdue,
        int rectifications) {}
