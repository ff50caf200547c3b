package cn.duban.notification;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Every new task tells the people of its candidate units: dispatched to a unit, a contribution or a local part
 * requested, a result sent back, a review or approval waiting. Added to every user task by
 * {@link NotificationEnginePlugin}.
 */
@Component
class TaskCreatedNotifier implements TaskListener {

    private final Notifications notifications;
    private final String tasklistUrl;

    TaskCreatedNotifier(Notifications notifications, @Value("${duban.notification.tasklist-url}") String tasklistUrl) {
        this.notifications = notifications;
        this.tasklistUrl = tasklistUrl;
    }

    @Override
    public void notify(DelegateTask task) {
        List<String> groups = task.getCandidates().stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(IdentityLink::getGroupId)
                .toList();
        if (groups.isEmpty()) {
            return;
        }
        StringBuilder body =
                new StringBuilder("您所在单位有一项新的待办：").append(task.getName()).append("\n");
        append(body, "所属计划", variable(task, "planTitle"));
        append(body, "任务编号", variable(task, "taskCode"));
        append(body, "完成时限", variable(task, "deadlineText"));
        // The task's own page in Tasklist, at the address people reach the server by (duban.public-url).
        body.append("\n请登录督办系统签收办理：")
                .append(tasklistUrl)
                .append("default/#/?task=")
                .append(task.getId());
        notifications.notifyGroups("task:" + task.getId(), groups, "【督办】新的待办：" + task.getName(), body.toString());
    }

    private static void append(StringBuilder body, String label, Object value) {
        if (value != null) {
            body.append(label).append("：").append(value).append("\n");
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
