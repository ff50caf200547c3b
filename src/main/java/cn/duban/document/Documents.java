package cn.duban.document;

import cn.duban.identity.AsSystem;
import cn.duban.taskform.ChineseDates;
import java.sql.Array;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

/**
 * The documents of the supervision record: a 督办通知单 for every dispatched task, a 催办通知单 for every urge, an
 * 整改通知书 for every rectification order and an 办结报告 for every closed task. They are issued from the record
 * (read, never written here) by {@link DocumentSweep} every few seconds on any node, and at the latest when someone
 * asks for a task's documents; each is issued once, with the next number of its Beijing year.
 */
@Service
public class Documents {

    static final int BATCH = 200;

    private final JdbcClient jdbc;
    private final DocumentNumbers numbers;
    private final HistoryService historyService;
    private final IdentityService identityService;
    private final ZoneId zone;

    Documents(
            JdbcClient jdbc,
            DocumentNumbers numbers,
            HistoryService historyService,
            IdentityService identityService,
            @Value("${duban.time-zone}") ZoneId zone) {
        this.jdbc = jdbc;
        this.numbers = numbers;
        this.historyService = historyService;
        this.identityService = identityService;
        this.zone = zone;
    }

    /** Issues what is due across all tasks, at most a batch of each kind; returns how many were issued. */
    public int issueDue() {
        return issue(null);
    }

    /** The task's documents, oldest first, after issuing any that are due. */
    public List<IssuedDocument> ofTask(String taskCode) {
        boolean known = jdbc.sql("select count(*) from duban.supervised_task where task_code = ?")
                        .param(taskCode)
                        .query(Long.class)
                        .single()
                > 0;
        if (!known) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "没有编号为“" + taskCode + "”的任务");
        }
        issue(taskCode);
        return numbers.ofTask(taskCode);
    }

    public Optional<IssuedDocument> find(long id) {
        return numbers.byId(id);
    }

    /** The document as a Word file, from its template and the fields it was issued with. */
    public byte[] docx(IssuedDocument document) {
        Map<String, String> fields = new LinkedHashMap<>(document.fields());
        fields.put("number", document.documentNumber());
        return DocxFiller.fill(document.kind().template(), fields);
    }

    private int issue(String onlyTask) {
        int issued = 0;
        for (String code : due("""
                select s.task_code from duban.supervised_task s
                where (cast(:task as varchar) is null or s.task_code = :task)
                  and not exists (select 1 from duban.document d where d.source_key = 'DISPATCH:' || s.task_code)
                order by s.task_code limit :batch""", onlyTask)) {
            numbers.issue(DocumentKind.DISPATCH, "DISPATCH:" + code, code, year(), () -> taskFields(code));
            issued++;
        }
        for (Event event : dueEvents(onlyTask)) {
            DocumentKind kind = "URGED".equals(event.kind()) ? DocumentKind.URGE : DocumentKind.RECTIFICATION;
            numbers.issue(kind, "EVENT:" + event.id(), event.taskCode(), year(), () -> eventFields(event));
            issued++;
        }
        for (String code : due("""
                select s.task_code from duban.supervised_task s
                where s.state = 'CLOSED' and (cast(:task as varchar) is null or s.task_code = :task)
                  and not exists (select 1 from duban.document d where d.source_key = 'CLOSURE:' || s.task_code)
                order by s.task_code limit :batch""", onlyTask)) {
            numbers.issue(DocumentKind.CLOSURE, "CLOSURE:" + code, code, year(), () -> closureFields(code));
            issued++;
        }
        return issued;
    }

    private List<String> due(String sql, String onlyTask) {
        return jdbc.sql(sql)
                .param("task", onlyTask)
                .param("batch", BATCH)
                .query(String.class)
                .list();
    }

    private List<Event> dueEvents(String onlyTask) {
        return jdbc.sql("""
                        select e.id, e.task_code, e.kind, e.reason,
                               (select count(*) from duban.supervision_event_log u
                                where u.task_code = e.task_code and u.kind = e.kind and u.id <= e.id)
                        from duban.supervision_event_log e
                        where e.kind in ('URGED', 'RECTIFICATION_ORDERED')
                          and (cast(:task as varchar) is null or e.task_code = :task)
                          and exists (select 1 from duban.supervised_task s where s.task_code = e.task_code)
                          and not exists (select 1 from duban.document d where d.source_key = 'EVENT:' || e.id)
                        order by e.id limit :batch""")
                .param("task", onlyTask)
                .param("batch", BATCH)
                .query((rs, row) ->
                        new Event(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5)))
                .list();
    }

    private int year() {
        return LocalDate.now(zone).getYear();
    }

    private Map<String, String> taskFields(String code) {
        Map<String, String> unitNames = jdbc
                .sql("select id, name from duban.unit_directory")
                .query((rs, row) -> Map.entry(rs.getString(1), rs.getString(2)))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        return jdbc.sql("""
                        select s.task_code, s.task_title, s.plan_title, s.lead_unit_ids, s.support_unit_ids, s.deadline,
                               s.state, s.working_days_overdue, s.times_urged, s.rectifications, s.closed_on,
                               s.missed_deadline, s.process_instance_id,
                               (select t.text from duban.plan_task_directory t where t.code = s.task_code)
                        from duban.supervised_task s where s.task_code = ?""")
                .param(code)
                .query((rs, row) -> {
                    Map<String, String> fields = new LinkedHashMap<>();
                    fields.put("taskCode", rs.getString(1));
                    fields.put("taskTitle", rs.getString(2));
                    fields.put("planTitle", rs.getString(3));
                    fields.put("leadUnits", names(rs.getArray(4), unitNames));
                    fields.put("supportUnits", names(rs.getArray(5), unitNames));
                    fields.put("deadline", ChineseDates.of(rs.getObject(6, LocalDate.class)));
                    fields.put(
                            "state",
                            cn.duban.supervision.SupervisionState.valueOf(rs.getString(7))
                                    .chineseName());
                    fields.put("overdueDays", String.valueOf(rs.getInt(8)));
                    fields.put("timesUrged", String.valueOf(rs.getInt(9)));
                    fields.put("rectifications", String.valueOf(rs.getInt(10)));
                    LocalDate closedOn = rs.getObject(11, LocalDate.class);
                    fields.put("closedOn", closedOn == null ? "" : ChineseDates.of(closedOn));
                    fields.put("onTime", rs.getBoolean(12) ? "否（逾期办结）" : "是");
                    fields.put("processInstanceId", rs.getString(13));
                    fields.put("taskText", rs.getString(14) == null ? rs.getString(2) : rs.getString(14));
                    fields.put("date", ChineseDates.of(LocalDate.now(zone)));
                    return fields;
                })
                .single();
    }

    private Map<String, String> eventFields(Event event) {
        Map<String, String> fields = taskFields(event.taskCode());
        if ("URGED".equals(event.kind())) {
            fields.put("urgeOrdinal", "第" + event.ordinal() + "次");
            fields.put("message", strip(event.reason(), "催办："));
        } else {
            // "限期整改，整改期限2030年6月30日：<findings>"
            String reason = event.reason();
            int colon = reason.indexOf('：');
            String deadline = colon < 0 ? "" : reason.substring(0, colon).replaceFirst("^.*整改期限", "");
            fields.put("rectificationDeadline", deadline);
            fields.put("findings", colon < 0 ? reason : reason.substring(colon + 1));
            fields.put("rectificationOrdinal", "第" + event.ordinal() + "次");
        }
        return fields;
    }

    private Map<String, String> closureFields(String code) {
        Map<String, String> fields = taskFields(code);
        String instance = fields.remove("processInstanceId");
        String result = AsSystem.call(
                identityService,
                () -> historyService
                        .createHistoricVariableInstanceQuery()
                        .processInstanceId(instance)
                        .variableName("resultDescription")
                        .list()
                        .stream()
                        .map(HistoricVariableInstance::getValue)
                        .filter(value -> value != null)
                        .map(Object::toString)
                        .findFirst()
                        .orElse(""));
        fields.put("result", result);
        return fields;
    }

    private static String names(Array ids, Map<String, String> unitNames) throws SQLException {
        String names = ids == null
                ? ""
                : Arrays.stream((Object[]) ids.getArray())
                        .map(String::valueOf)
                        .map(id -> unitNames.getOrDefault(id, id))
                        .collect(Collectors.joining("、"));
        return names.isEmpty() ? "无" : names;
    }

    private static String strip(String text, String prefix) {
        return text.startsWith(prefix) ? text.substring(prefix.length()) : text;
    }

    private record Event(long id, String taskCode, String kind, String reason, int ordinal) {}
}
