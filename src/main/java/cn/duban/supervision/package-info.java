/**
 * (督查) Deadline tracking, the escalation ladder, urging, the supervision record. Owns duban.task_supervision,
 * duban.supervision_event and duban.supervision_reminder; publishes the views duban.supervised_task (the read model of
 * the office's views) and duban.escalation_count. API: {@link cn.duban.supervision.DeadlineCheck}, {@link
 * cn.duban.supervision.SupervisionState}, {@link cn.duban.supervision.EscalationLevel}, …
 */
@ApplicationModule(
        displayName = "Supervision",
        allowedDependencies = {"calendar", "identity", "notification", "taskform"})
package cn.duban.supervision;

import org.springframework.modulith.ApplicationModule;
