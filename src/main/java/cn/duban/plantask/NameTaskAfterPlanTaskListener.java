package cn.duban.plantask;

import cn.duban.calendar.WorkingDayCalendar;
import cn.duban.identity.DubanGroups;
import cn.duban.notification.Notifications;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Names each task after the plan task it belongs to ("签收任务：土壤状况详查"), so that a unit's task list says what
 * every task is, while the diagram keeps the step's plain name. Its description says what the unit must know of its
 * due date: that the year's holidays are not imported (the due date counts Monday to Friday), or that the task's own
 * deadline is so near that the step got the minimum of working days instead of its usual time, which the supervision
 * office is told of as well.
 */
@Component("nameTaskAfterPlanTaskListener")
class NameTaskAfterPlanTaskListener implements TaskListener {

    /** Longer titles are cut, so a task list stays readable; the form shows the whole title. */
    static final int TITLE_SHOWN = 40;

    private final WorkingDayCalendar calendar;
    private final DueDates dueDates;
    private final Notifications notifications;
    private final ZoneId zone;

    NameTaskAfterPlanTaskListener(
            WorkingDayCalendar calendar,
            DueDates dueDates,
            Notifications notifications,
            @Value("${duban.time-zone}") ZoneId zone) {
        this.calendar = calendar;
        this.dueDates = dueDates;
        this.notifications = notifications;
        this.zone = zone;
    }

    @Override
    public void notify(DelegateTask task) {
        Object title = variable(task, PlanTaskVariables.TASK_TITLE);
        if (title != null) {
            String shown = title.toString();
            if (shown.length() > TITLE_SHOWN) {
                shown = shown.substring(0, TITLE_SHOWN) + "…";
            }
            task.setName(task.getName() + "：" + shown);
        }
        describeDueDate(task);
    }

    private void describeDueDate(DelegateTask task) {
        Date due = task.getDueDate();
        if (due == null) {
            return;
        }
        List<String> notes = new ArrayList<>();
        String calendarNotice = calendar.noticeFor(due.toInstant().atZone(zone).toLocalDate());
        if (calendarNotice != null) {
            notes.add("注意：" + calendarNotice + "。");
        }
        Object deadline = variable(task, PlanTaskVariables.DEADLINE);
        String shortened =
                deadline instanceof Date date ? dueDates.shortenedNotice(task.getTaskDefinitionKey(), date, due) : null;
        if (shortened != null) {
            notes.add("注意：" + shortened + "。");
            String code = Objects.toString(variable(task, PlanTaskVariables.TASK_CODE), "");
            notifications.notifyGroups(
                    "short-due:" + task.getId(),
                    List.of(DubanGroups.SUPERVISION_OFFICE),
                    "【督办】办理时间不足：" + code,
                    "任务编号：" + code + "\n环节：" + task.getName() + "\n" + shortened + "。");
        }
        if (!notes.isEmpty()) {
            String description = task.getDescription();
            task.setDescription(
                    String.join("", notes) + (description == null || description.isBlank() ? "" : "\n" + description));
        }
    }

    /**
     * A variable of the task's scope. A task just created has no variables of its own yet: asking its execution (whose
     * variables the engine holds already) saves reading the task's from the database for every new task.
     */
    private static Object variable(DelegateTask task, String name) {
        return task.getExecution() != null ? task.getExecution().getVariable(name) : task.getVariable(name);
    }
}
