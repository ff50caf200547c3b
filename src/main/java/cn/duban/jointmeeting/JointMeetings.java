package cn.duban.jointmeeting;

import cn.duban.dispatch.PlanTaskDispatcher;
import cn.duban.dispatch.ReportCycle;
import cn.duban.dispatch.TaskDispatchOrder;
import cn.duban.identity.Unit;
import cn.duban.identity.UnitCatalog;
import cn.duban.supervision.SupervisionRecord;
import cn.duban.taskform.ChineseDates;
import java.sql.Array;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * Joint meetings (联席会议): the office records a meeting and each decision becomes a supervised task, dispatched
 * through {@link PlanTaskDispatcher} like a plan task (lead units sign, support units contribute, deadlines, urges,
 * the ladder, inspection, closure). The meeting's code is {@code LXHY-yyyyMMdd-n}; its decisions' task codes add
 * {@code -01}, {@code -02}, …
 */
@Service
public class JointMeetings {

    private final JdbcClient jdbc;
    private final UnitCatalog units;
    private final PlanTaskDispatcher dispatcher;
    private final SupervisionRecord supervision;
    private final ZoneId zone;

    JointMeetings(
            JdbcClient jdbc,
            UnitCatalog units,
            PlanTaskDispatcher dispatcher,
            SupervisionRecord supervision,
            @Value("${duban.time-zone}") ZoneId zone) {
        this.jdbc = jdbc;
        this.units = units;
        this.dispatcher = dispatcher;
        this.supervision = supervision;
        this.zone = zone;
    }

    @Transactional
    public JointMeeting record(JointMeetingRecord meeting, String recordedBy) {
        List<String> problems = new ArrayList<>();
        if (meeting == null) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "请提交会议记录");
        }
        String title = required(meeting.title(), "会议名称", 200, problems);
        LocalDate heldOn = date(meeting.heldOn(), "会议日期", problems);
        if (heldOn != null && heldOn.isAfter(today())) {
            problems.add("会议日期“" + heldOn + "”晚于今天：请在会议召开后记录");
        }
        List<String> participants = meeting.participants() == null
                ? List.of()
                : meeting.participants().stream()
                        .filter(p -> p != null && !p.isBlank())
                        .map(String::strip)
                        .toList();
        if (participants.isEmpty()) {
            problems.add("请填写参会单位或人员");
        }
        String minutes = required(meeting.minutes(), "会议纪要", 20000, problems);
        List<JointMeetingRecord.Decision> decisions = meeting.decisions() == null ? List.of() : meeting.decisions();
        if (decisions.isEmpty()) {
            problems.add("请至少填写一项会议议定事项");
        }
        List<Resolved> resolved = new ArrayList<>();
        for (int i = 0; i < decisions.size(); i++) {
            JointMeetingRecord.Decision decision = decisions.get(i);
            String label = "议定事项" + (i + 1);
            String decisionTitle = required(decision.title(), label + "的名称", 200, problems);
            String text = decision.text() == null || decision.text().isBlank()
                    ? decisionTitle
                    : decision.text().strip();
            List<Unit> leads = units(decision.leadUnits(), label + "的牵头单位", problems);
            if (decision.leadUnits() == null || decision.leadUnits().isEmpty()) {
                problems.add(label + "缺少牵头单位");
            }
            List<Unit> supports = units(decision.supportUnits(), label + "的配合单位", problems);
            LocalDate deadline = date(decision.deadline(), label + "的完成时限", problems);
            if (deadline != null && heldOn != null && deadline.isBefore(heldOn)) {
                problems.add(label + "的完成时限“" + deadline + "”早于会议日期“" + heldOn + "”");
            }
            resolved.add(new Resolved(decisionTitle, text, leads, supports, deadline));
        }
        if (!problems.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "会议未记录：" + String.join("；", problems));
        }
        jdbc.sql("select pg_advisory_xact_lock(hashtext('duban.joint_meeting'))")
                .query((rs, row) -> 1)
                .list();
        String prefix = "LXHY-" + heldOn.format(DateTimeFormatter.BASIC_ISO_DATE) + "-";
        int n = jdbc.sql("select count(*) from duban.joint_meeting where code like ?")
                        .param(prefix + "%")
                        .query(Integer.class)
                        .single()
                + 1;
        String code = prefix + n;
        Long id = jdbc.sql("""
                        insert into duban.joint_meeting (code, title, held_on, participants, minutes, recorded_by)
                        values (?, ?, ?, ?, ?, ?) returning id""")
                .params(code, title, heldOn, participants.toArray(String[]::new), minutes, recordedBy)
                .query(Long.class)
                .single();
        String planTitle = "联席会议议定事项（" + heldOn.getYear() + "年" + heldOn.getMonthValue() + "月" + heldOn.getDayOfMonth()
                + "日" + title + "）";
        for (int i = 0; i < resolved.size(); i++) {
            Resolved decision = resolved.get(i);
            String taskCode = code + "-" + String.format("%02d", i + 1);
            String instance = dispatcher.dispatch(new TaskDispatchOrder(
                    code,
                    planTitle,
                    taskCode,
                    "会议议定事项",
                    decision.title(),
                    decision.text(),
                    decision.leads(),
                    decision.supports(),
                    List.of(),
                    decision.deadline(),
                    ReportCycle.MONTHLY));
            jdbc.sql("""
                            insert into duban.joint_meeting_decision (meeting_id, position, task_code, title, text,
                                lead_unit_ids, support_unit_ids, deadline, process_instance_id)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(
                            id,
                            i + 1,
                            taskCode,
                            decision.title(),
                            decision.text(),
                            ids(decision.leads()),
                            ids(decision.supports()),
                            decision.deadline(),
                            instance)
                    .update();
        }
        return find(code).orElseThrow();
    }

    public List<JointMeeting> all() {
        return jdbc
                .sql("select code from duban.joint_meeting order by held_on desc, id desc")
                .query(String.class)
                .list()
                .stream()
                .map(code -> find(code).orElseThrow())
                .toList();
    }

    public Optional<JointMeeting> find(String code) {
        Map<String, String> names =
                units.all().stream().collect(Collectors.toMap(Unit::id, Unit::name, (a, b) -> a, HashMap::new));
        List<JointMeeting.Decision> decisions = jdbc.sql("""
                        select d.position, d.task_code, d.title, d.text, d.lead_unit_ids, d.support_unit_ids,
                               d.deadline, d.process_instance_id
                        from duban.joint_meeting_decision d join duban.joint_meeting m on m.id = d.meeting_id
                        where m.code = ? order by d.position""")
                .param(code)
                .query((rs, row) -> {
                    String taskCode = rs.getString(2);
                    var state = supervision.find(taskCode).map(s -> s.state());
                    return new JointMeeting.Decision(
                            rs.getInt(1),
                            taskCode,
                            rs.getString(3),
                            rs.getString(4),
                            names(rs.getArray(5), names),
                            names(rs.getArray(6), names),
                            rs.getObject(7, LocalDate.class),
                            rs.getString(8),
                            state.map(Enum::name).orElse(null),
                            state.map(s -> s.chineseName()).orElse(null));
                })
                .list();
        return jdbc.sql("""
                        select code, title, held_on, participants, minutes, recorded_by from duban.joint_meeting
                        where code = ?""")
                .param(code)
                .query((rs, row) -> new JointMeeting(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getObject(3, LocalDate.class),
                        strings(rs.getArray(4)),
                        rs.getString(5),
                        rs.getString(6),
                        decisions))
                .optional();
    }

    private record Resolved(String title, String text, List<Unit> leads, List<Unit> supports, LocalDate deadline) {}

    private LocalDate today() {
        return ClockUtil.getCurrentTime().toInstant().atZone(zone).toLocalDate();
    }

    private List<Unit> units(List<String> names, String label, List<String> problems) {
        List<Unit> resolved = new ArrayList<>();
        if (names == null) {
            return resolved;
        }
        for (String name : names) {
            if (name == null || name.isBlank()) {
                continue;
            }
            List<Unit> found = units.resolveAll(name.strip());
            if (found.isEmpty()) {
                problems.add(label + "：未知单位“" + name.strip() + "”，请使用单位名称、简称或原名称（如“州生态环境局”）");
            }
            found.stream().filter(unit -> !resolved.contains(unit)).forEach(resolved::add);
        }
        return resolved;
    }

    private static LocalDate date(String text, String label, List<String> problems) {
        if (text == null || text.isBlank()) {
            problems.add("请填写" + label);
            return null;
        }
        Optional<LocalDate> parsed = ChineseDates.parse(text);
        if (parsed.isEmpty()) {
            problems.add(label + "“" + text.strip() + "”无法识别，" + ChineseDates.HINT);
        }
        return parsed.orElse(null);
    }

    private static String required(String value, String label, int max, List<String> problems) {
        if (value == null || value.isBlank()) {
            problems.add("请填写" + label);
            return null;
        }
        if (value.strip().length() > max) {
            problems.add(label + "不能超过" + max + "字");
        }
        return value.strip();
    }

    private static String[] ids(List<Unit> units) {
        return units.stream().map(Unit::id).toArray(String[]::new);
    }

    private static List<String> names(Array array, Map<String, String> names) throws SQLException {
        return Arrays.stream((String[]) array.getArray())
                .map(id -> names.getOrDefault(id, id))
                .toList();
    }

    private static List<String> strings(Array array) throws SQLException {
        return List.of((String[]) array.getArray());
    }
}
