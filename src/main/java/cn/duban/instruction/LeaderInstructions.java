package cn.duban.instruction;

import cn.duban.identity.AsSystem;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * 领导批示: a leader's instruction on a plan task starts a {@code leader-instruction} process whose task asks the lead
 * unit to acknowledge it; the instruction and the acknowledgement are kept in {@code duban.leader_instruction}.
 */
@Service
public class LeaderInstructions {

    static final String PROCESS = "leader-instruction";
    static final int MAX_TEXT = 1000;
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

    private final JdbcClient jdbc;
    private final RuntimeService runtimeService;
    private final IdentityService identityService;
    private final ZoneId zone;

    LeaderInstructions(
            JdbcClient jdbc,
            RuntimeService runtimeService,
            IdentityService identityService,
            @Value("${duban.time-zone}") ZoneId zone) {
        this.jdbc = jdbc;
        this.runtimeService = runtimeService;
        this.identityService = identityService;
        this.zone = zone;
    }

    /** Records the instruction and asks the task's lead units to acknowledge it; refused in Chinese when it cannot be. */
    @Transactional
    public LeaderInstruction instruct(String taskCode, String text, String leaderId, Instant at) {
        String instruction = text == null ? "" : text.strip();
        if (instruction.isEmpty() || instruction.length() > MAX_TEXT) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "请填写批示内容（不超过" + MAX_TEXT + "字）");
        }
        Task task = jdbc.sql("""
                        select task_title, plan_title, array_to_string(lead_unit_ids, ','), state
                        from duban.supervised_task where task_code = ?""")
                .param(taskCode)
                .query((rs, row) -> new Task(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .optional()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "没有编号为“" + taskCode + "”的任务"));
        if (task.leadUnits() == null || task.leadUnits().isBlank()) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "任务“" + taskCode + "”尚无牵头单位，无法送达批示");
        }
        String leaderName = AsSystem.call(identityService, () -> {
            User user = identityService.createUserQuery().userId(leaderId).singleResult();
            String name = user == null
                    ? null
                    : Stream.of(user.getFirstName(), user.getLastName())
                            .filter(Objects::nonNull)
                            .collect(Collectors.joining());
            return name == null || name.isBlank() ? leaderId : name;
        });
        OffsetDateTime issuedAt = OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
        long id = jdbc.sql("""
                        insert into duban.leader_instruction (task_code, instruction, leader_id, leader_name, issued_at)
                        values (?, ?, ?, ?, ?) returning id""")
                .params(taskCode, instruction, leaderId, leaderName, issuedAt)
                .query(Long.class)
                .single();
        // The leader may not start processes in the engine; the instruction is Duban's to deliver.
        String instance = AsSystem.call(
                identityService,
                () -> runtimeService
                        .startProcessInstanceByKey(
                                PROCESS,
                                taskCode,
                                Variables.createVariables()
                                        .putValue("instructionId", id)
                                        .putValue("taskCode", taskCode)
                                        .putValue("taskTitle", task.title())
                                        .putValue("planTitle", task.planTitle())
                                        .putValue("leadUnitGroups", task.leadUnits())
                                        .putValue("instruction", instruction)
                                        .putValue("leaderName", leaderName)
                                        .putValue("issuedAtText", SHOWN.format(at.atZone(zone))))
                        .getId());
        jdbc.sql("update duban.leader_instruction set process_instance_id = ? where id = ?")
                .params(instance, id)
                .update();
        return find(id);
    }

    void acknowledged(long id, String by, String acknowledgement, Instant at) {
        jdbc.sql("""
                        update duban.leader_instruction set acknowledged_by = ?, acknowledgement = ?, acknowledged_at = ?
                        where id = ? and acknowledged_at is null""")
                .params(by, acknowledgement, OffsetDateTime.ofInstant(at, ZoneOffset.UTC), id)
                .update();
    }

    /** The task's instructions, oldest first. */
    public List<LeaderInstruction> of(String taskCode) {
        return jdbc.sql(SELECT + " where task_code = ? order by issued_at, id")
                .param(taskCode)
                .query(this::row)
                .list();
    }

    /** The instructions on a plan's tasks (every plan's when null), for the ledger, by task and oldest first. */
    public List<LeaderInstruction> ofPlan(String planCode) {
        return jdbc.sql(SELECT + """
                         where cast(:plan as varchar) is null or task_code in
                            (select task_code from duban.supervised_task where plan_code = :plan)
                        order by task_code, issued_at, id limit 100000""").param("plan", planCode).query(this::row).list();
    }

    LeaderInstruction find(long id) {
        return jdbc.sql(SELECT + " where id = ?").param(id).query(this::row).single();
    }

    private static final String SELECT = """
            select id, task_code, instruction, leader_id, leader_name, issued_at, acknowledged_by, acknowledgement,
                   acknowledged_at from duban.leader_instruction""";

    private LeaderInstruction row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new LeaderInstruction(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getObject(6, OffsetDateTime.class),
                rs.getString(7),
                rs.getString(8),
                rs.getObject(9, OffsetDateTime.class));
    }

    private record Task(String title, String planTitle, String leadUnits, String state) {}
}
