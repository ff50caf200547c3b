package cn.duban.notification;

import java.security.Principal;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The in-app inbox: {@code GET /api/inbox} (newest first, with the unread count), {@code POST /api/inbox/{id}/read}.
 * Each notice links to the task it is about, where the reader may open it: a new task's own page in Tasklist, or
 * for a supervision step (overdue, urged, escalated) the open task of that plan task the reader can see.
 */
@RestController
class Inbox {

    static final String TASKLIST_TASK = "/camunda/app/tasklist/default/#/?task=";

    private final JdbcClient jdbc;
    private final TaskService taskService;

    Inbox(JdbcClient jdbc, TaskService taskService) {
        this.jdbc = jdbc;
        this.taskService = taskService;
    }

    @GetMapping("/api/inbox")
    Map<String, Object> inbox(Principal user) {
        List<Row> rows = jdbc.sql("""
                        select n.id, n.subject, n.body, n.created_at, n.read_at is not null, n.event_key,
                               s.process_instance_id
                        from duban.notification n
                        left join duban.supervision_event_log e on n.event_key like 'supervision:%'
                             and e.id::text = substring(n.event_key from 13)
                        left join duban.supervised_task s on s.task_code = e.task_code
                        where n.recipient = ? and n.channel = 'INBOX' order by n.created_at desc, n.id desc limit 100""")
                .param(user.getName())
                .query((rs, row) -> new Row(
                        new Message(
                                rs.getLong(1),
                                rs.getString(2),
                                rs.getString(3),
                                rs.getObject(4, OffsetDateTime.class),
                                rs.getBoolean(5),
                                null),
                        rs.getString(6),
                        rs.getString(7)))
                .list();
        Map<String, String> openTasks = openTasks(rows);
        List<Message> messages = rows.stream()
                .map(row -> row.message().withLink(link(row, openTasks)))
                .toList();
        long unread = jdbc.sql("""
                        select count(*) from duban.notification
                        where recipient = ? and channel = 'INBOX' and read_at is null""").param(user.getName()).query(Long.class).single();
        return Map.of("unread", unread, "messages", messages);
    }

    /** The open task of each instance the reader may see (the request runs with the reader's authorizations). */
    private Map<String, String> openTasks(List<Row> rows) {
        String[] instances = rows.stream()
                .map(Row::processInstanceId)
                .filter(id -> id != null)
                .distinct()
                .toArray(String[]::new);
        Map<String, String> open = new HashMap<>();
        if (instances.length > 0) {
            for (Task task : taskService
                    .createTaskQuery()
                    .processInstanceIdIn(instances)
                    .orderByTaskCreateTime()
                    .asc()
                    .list()) {
                open.putIfAbsent(task.getProcessInstanceId(), task.getId());
            }
        }
        return open;
    }

    private static String link(Row row, Map<String, String> openTasks) {
        String key = row.eventKey();
        for (String prefix : List.of("task:", "short-due:")) {
            if (key.startsWith(prefix)) {
                return TASKLIST_TASK + key.substring(prefix.length());
            }
        }
        String task = row.processInstanceId() == null ? null : openTasks.get(row.processInstanceId());
        return task == null ? null : TASKLIST_TASK + task;
    }

    @PostMapping("/api/inbox/{id}/read")
    ResponseEntity<Void> markRead(@PathVariable long id, Principal user) {
        int updated = jdbc.sql("""
                        update duban.notification set read_at = coalesce(read_at, now())
                        where id = ? and recipient = ? and channel = 'INBOX'""").params(id, user.getName()).update();
        return ResponseEntity.status(updated == 1 ? HttpStatus.NO_CONTENT : HttpStatus.NOT_FOUND)
                .build();
    }

    /** One inbox entry; {@code link} opens the task it is about (null when there is none to open). */
    record Message(long id, String subject, String body, OffsetDateTime createdAt, boolean read, String link) {

        Message withLink(String newLink) {
            return new Message(id, subject, body, createdAt, read, newLink);
        }
    }

    private record Row(Message message, String eventKey, String processInstanceId) {}
}
