package cn.duban.dashboard;

import cn.duban.calendar.WorkingDayCalendar;
import cn.duban.supervision.EscalationLevel;
import cn.duban.supervision.SupervisionState;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The cards of Tasklist's list: the caller's open tasks, each with what makes it urgent. */
@Service
class TaskCards {

    private final TaskService taskService;
    private final JdbcClient jdbc;
    private final WorkingDayCalendar calendar;
    private final ZoneId zone;

    TaskCards(
            TaskService taskService,
            JdbcClient jdbc,
            WorkingDayCalendar calendar,
            @Value("${duban.time-zone}") ZoneId zone) {
        this.taskService = taskService;
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.zone = zone;
    }

    /**
     * The cards of those of {@code taskIds} the caller may see: the engine's own authorizations decide (the request
     * runs as the signed-in user), so another unit's task id gives no card.
     */
    List<TaskCard> of(List<String> taskIds) {
        List<Task> tasks = taskService
                .createTaskQuery()
                .taskIdIn(taskIds.toArray(String[]::new))
                .list();
        if (tasks.isEmpty()) {
            return List.of();
        }
        Map<String, Supervised> supervised = new HashMap<>();
        jdbc.sql("""
                        select s.process_instance_id, s.plan_title, s.task_code, s.deadline, s.state,
                               s.escalation_level, s.times_urged, t.deadline, s.working_days_overdue, s.rectifications
                        from duban.supervised_task s left join duban.plan_task_directory t on t.code = s.task_code
                        where s.process_instance_id = any(?)""")
                .param(tasks.stream().map(Task::getProcessInstanceId).distinct().toArray(String[]::new))
                .query((rs, n) -> new Supervised(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getObject(4, LocalDate.class),
                        SupervisionState.valueOf(rs.getString(5)),
                        EscalationLevel.valueOf(rs.getString(6)),
                        rs.getInt(7),
                        rs.getObject(8, LocalDate.class),
                        rs.getInt(9),
                        rs.getInt(10)))
                .list()
                .forEach(row -> supervised.put(row.processInstanceId(), row));
        LocalDate today = ClockUtil.getCurrentTime().toInstant().atZone(zone).toLocalDate();
        List<TaskCard> cards = new ArrayList<>();
        for (Task task : tasks) {
            Supervised row = supervised.get(task.getProcessInstanceId());
            LocalDate due = task.getDueDate() != null
                    ? task.getDueDate().toInstant().atZone(zone).toLocalDate()
                    : row == null ? null : row.deadline();
            boolean overdue = due != null && due.isBefore(today);
            cards.add(new TaskCard(
                    task.getId(),
                    row == null ? null : row.planTitle(),
                    row == null ? null : row.taskCode(),
                    due,
                    due == null ? null : chinese(due),
                    overdue,
                    due == null || overdue ? 0 : calendar.workingDaysBetween(today, due),
                    overdue ? calendar.workingDaysBetween(due, today) : 0,
                    row == null ? null : row.state().name(),
                    row == null ? null : row.state().chineseName(),
                    row == null ? null : row.level().name(),
                    row == null ? null : row.level().chineseName(),
                    row == null ? 0 : row.timesUrged(),
                    row == null ? null : row.originalDeadline() != null ? row.originalDeadline() : row.deadline(),
                    row == null ? null : row.deadline(),
                    row == null ? 0 : row.workingDaysOverdue(),
                    row == null ? 0 : row.rectifications()));
        }
        return cards;
    }

    static String chinese(LocalDate day) {
        return day.getYear() + "年" + day.getMonthValue() + "月" + day.getDayOfMonth() + "日";
    }

    private record Supervised(
            String processInstanceId,
            String planTitle,
            String taskCode,
            LocalDate deadline,
            SupervisionState state,
            EscalationLevel level,
            int timesUrged,
            LocalDate originalDeadline,
            int workingDaysOverdue,
            int rectifications) {}
}
