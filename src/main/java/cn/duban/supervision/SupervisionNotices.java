package cn.duban.supervision;

import cn.duban.notification.Notifications;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Which supervision steps need a person: the lead unit hears of every one that concerns its task; the supervision
 * office also of a task turning overdue and of a level rising.
 */
@Component
class SupervisionNotices {

    private static final Map<SupervisionEvent.Kind, String> TOLD = Map.of(
            SupervisionEvent.Kind.DUE_SOON, "临期提醒",
            SupervisionEvent.Kind.OVERDUE, "任务逾期",
            SupervisionEvent.Kind.OVERDUE_REMINDER, "逾期提醒",
            SupervisionEvent.Kind.ESCALATED, "问责等级提升",
            SupervisionEvent.Kind.URGED, "督查办催办",
            SupervisionEvent.Kind.RECTIFICATION_ORDERED, "限期整改",
            SupervisionEvent.Kind.EXTENSION_APPROVED, "延期申请已批准",
            SupervisionEvent.Kind.EXTENSION_REFUSED, "延期申请未批准",
            SupervisionEvent.Kind.PROGRESS_REPORT_MISSED, "进展报送逾期");
    private static final Set<SupervisionEvent.Kind> OFFICE_TOO =
            EnumSet.of(SupervisionEvent.Kind.OVERDUE, SupervisionEvent.Kind.ESCALATED);
    private static final String SUPERVISION_OFFICE = "supervision-office";

    private final Notifications notifications;

    SupervisionNotices(Notifications notifications) {
        this.notifications = notifications;
    }

    void tell(long eventId, String taskCode, SupervisionEvent.Kind kind, String reason, String leadUnitIds) {
        Notifications.GroupNotice notice = notice(eventId, taskCode, kind, reason, leadUnitIds);
        if (notice != null) {
            notifications.notifyGroups(notice.eventKey(), notice.groupIds(), notice.subject(), notice.body());
        }
    }

    /** Tells of many steps at once (a batch of the daily sweep). */
    void tellAll(List<Notifications.GroupNotice> notices) {
        if (!notices.isEmpty()) {
            notifications.notifyGroups(notices);
        }
    }

    /** Whom to tell of a step, and what; null when the step tells no one. */
    Notifications.GroupNotice notice(
            long eventId, String taskCode, SupervisionEvent.Kind kind, String reason, String leadUnitIds) {
        String what = TOLD.get(kind);
        if (what == null) {
            return null;
        }
        List<String> groups = new ArrayList<>(Arrays.stream(leadUnitIds.split(","))
                .map(String::strip)
                .filter(id -> !id.isEmpty())
                .toList());
        if (OFFICE_TOO.contains(kind)) {
            groups.add(SUPERVISION_OFFICE);
        }
        return new Notifications.GroupNotice(
                "supervision:" + eventId, groups, "【督办】" + what + "：" + taskCode, "任务编号：" + taskCode + "\n" + reason);
    }

    /** One notice per lead unit for a batch of urges, naming each of its tasks once. */
    void tellUrged(
            long firstEventId, Map<String, List<String>> tasksByLeadUnit, Map<String, String> titles, String message) {
        tasksByLeadUnit.forEach((unit, codes) -> {
            StringBuilder body = new StringBuilder("督查办催办以下任务：\n");
            codes.forEach(code -> body.append(code)
                    .append(" ")
                    .append(titles.getOrDefault(code, ""))
                    .append("\n"));
            body.append("催办内容：").append(message);
            notifications.notifyGroups(
                    "supervision-urges:" + firstEventId + ":" + unit,
                    List.of(unit),
                    "【督办】督查办催办：" + (codes.size() == 1 ? codes.get(0) : codes.size() + "项任务"),
                    body.toString());
        });
    }
}
