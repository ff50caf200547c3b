package cn.duban.dashboard;

import cn.duban.identity.People;
import cn.duban.identity.Person;
import cn.duban.identity.UnitCatalog;
import cn.duban.majorproject.MajorProject;
import cn.duban.majorproject.MajorProjects;
import cn.duban.supervision.EscalationLevel;
import cn.duban.supervision.SupervisionState;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The supervision dashboard's data, for the supervision office and leaders (and for other government systems that
 * pull it): the overview, the overdue list, the units' scores, a task's page and the ledger (台账) as .xlsx.
 */
@RestController
@RequestMapping("/api/dashboard")
@Tag(name = "督办看板", description = "逾期事项、任务统计、单位绩效与督办台账（督查办、领导可用）")
class DashboardController {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final int MAX_PAGE_SIZE = 200;

    private final DashboardQueries queries;
    private final TaskDossiers dossiers;
    private final UnitCatalog units;
    private final ZoneId zone;
    private final cn.duban.instruction.LeaderInstructions instructions;
    private final MajorProjects majorProjects;
    private final cn.duban.evidence.EvidenceFiles evidence;
    private final People people;

    DashboardController(
            DashboardQueries queries,
            TaskDossiers dossiers,
            UnitCatalog units,
            @Value("${duban.time-zone}") ZoneId zone,
            cn.duban.instruction.LeaderInstructions instructions,
            MajorProjects majorProjects,
            cn.duban.evidence.EvidenceFiles evidence,
            People people) {
        this.evidence = evidence;
        this.people = people;
        this.instructions = instructions;
        this.majorProjects = majorProjects;
        this.queries = queries;
        this.dossiers = dossiers;
        this.units = units;
        this.zone = zone;
    }

    @GetMapping("/overview")
    @Operation(summary = "各状态任务数（正常、临期、逾期、整改中、待核验销号、已销号），合计与分计划，以及逾期事项的问责等级分布")
    Overview overview(@Parameter(description = "计划编号；不填则为全部计划") @RequestParam(required = false) String plan) {
        return queries.overview(blankToNull(plan));
    }

    @GetMapping("/overdue")
    @Operation(summary = "逾期事项清单：牵头单位、完成时限、逾期工作日、问责等级、催办次数、最新进展；可筛选、排序、分页")
    Page<OverdueItem> overdue(
            @Parameter(description = "计划编号") @RequestParam(required = false) String plan,
            @Parameter(description = "牵头单位编号") @RequestParam(required = false) String unit,
            @Parameter(description = "问责等级：REMINDER、WARNING、CIRCULATED_CRITICISM、ADMONITORY_TALK、ACCOUNTABILITY")
                    @RequestParam(required = false)
                    String level,
            @Parameter(description = "排序：overdue（默认）、deadline、level、urges、plan、code") @RequestParam(required = false)
                    String sort,
            @Parameter(description = "asc 或 desc（默认 desc）") @RequestParam(required = false) String order,
            @Parameter(description = "页码，从0开始") @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "每页条数，1–200") @RequestParam(defaultValue = "50") int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "页码不能为负数，每页条数应在1到" + MAX_PAGE_SIZE + "之间");
        }
        return queries.overdue(
                TaskFilter.overdue(blankToNull(plan), unit(unit), level(level)),
                OverdueOrder.parse(sort),
                ascending(order),
                page,
                size);
    }

    @GetMapping("/units")
    @Operation(summary = "单位绩效：牵头任务数、按时完成率（只计牵头任务）、当前逾期、被催办次数、整改次数")
    List<UnitScore> units(@Parameter(description = "计划编号；不填则为全部计划") @RequestParam(required = false) String plan) {
        return queries.unitScores(blankToNull(plan));
    }

    @GetMapping("/tasks/{code}")
    @Operation(summary = "任务详情：基本情况、时间线（每一步、由谁、何时）、配合意见、进展报送、催办、预警升级、问责")
    TaskDossier task(@PathVariable String code) {
        return dossiers.of(code);
    }

    @GetMapping("/filters")
    @Operation(summary = "筛选项：有督办任务的计划、牵头单位、问责等级与任务状态")
    Filters filters() {
        List<Choice> levels = new ArrayList<>();
        Arrays.stream(EscalationLevel.values())
                .filter(level -> level != EscalationLevel.NONE)
                .forEach(level -> levels.add(new Choice(level.name(), level.chineseName())));
        List<Choice> states = Arrays.stream(SupervisionState.values())
                .map(state -> new Choice(state.name(), state.chineseName()))
                .toList();
        return new Filters(queries.plans(), queries.leadUnits(), levels, states);
    }

    @GetMapping("/ledger.xlsx")
    @Operation(summary = "导出督办台账（.xlsx）：每个任务一行，筛选条件同逾期清单；第二个工作表为单位绩效，其后为领导批示和重大工程")
    @Transactional(readOnly = true)
    void ledger(
            @Parameter(description = "计划编号") @RequestParam(required = false) String plan,
            @Parameter(description = "牵头单位编号") @RequestParam(required = false) String unit,
            @Parameter(description = "问责等级") @RequestParam(required = false) String level,
            @Parameter(description = "任务状态：ON_TRACK、DUE_SOON、OVERDUE、RECTIFYING、SUBMITTED、CLOSED；不填则全部")
                    @RequestParam(required = false)
                    String state,
            HttpServletResponse response)
            throws IOException {
        TaskFilter filter = new TaskFilter(blankToNull(plan), unit(unit), level(level), state(state));
        LocalDateTime now = LocalDateTime.now(zone);
        response.setContentType(XLSX);
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment()
                        .filename(
                                "督办台账-" + now.format(DateTimeFormatter.BASIC_ISO_DATE) + ".xlsx",
                                StandardCharsets.UTF_8)
                        .build()
                        .toString());
        try (LedgerWorkbook workbook = new LedgerWorkbook(zone, evidence.countsByTask())) {
            queries.ledger(
                    filter,
                    workbook.taskSheet("督办台账　导出时间：" + now.format(DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm"))
                            + describe(filter)));
            workbook.unitSheet(queries.unitScores(filter.planCode()));
            List<cn.duban.instruction.LeaderInstruction> given = instructions.ofPlan(filter.planCode());
            // Who gave and who signed each instruction, by name (staff profiles), in one look-up for the sheet.
            Map<String, Person> who = people.of(given.stream()
                    .flatMap(i -> java.util.stream.Stream.of(i.leaderId(), i.acknowledgedBy()))
                    .toList());
            workbook.instructionSheet(given, who);
            workbook.projectSheet(projectsOf(filter.planCode()));
            workbook.writeTo(response.getOutputStream());
        }
    }

    /** The major projects serving a task of the plan, or every project when no plan is chosen. */
    private List<MajorProject> projectsOf(String planCode) {
        List<MajorProject> all = majorProjects.all();
        if (planCode == null) {
            return all;
        }
        Set<String> tasks = Set.copyOf(queries.taskCodes(planCode));
        return all.stream()
                .filter(project -> project.taskCodes().stream().anyMatch(tasks::contains))
                .toList();
    }

    private String describe(TaskFilter filter) {
        List<String> parts = new ArrayList<>();
        if (filter.planCode() != null) {
            parts.add("计划 " + filter.planCode());
        }
        if (filter.unitId() != null) {
            parts.add("牵头单位 " + queries.unitNames().getOrDefault(filter.unitId(), filter.unitId()));
        }
        if (filter.level() != null) {
            parts.add("问责等级 " + filter.level().chineseName());
        }
        if (filter.state() != null) {
            parts.add("状态 " + filter.state().chineseName());
        }
        return parts.isEmpty() ? "　范围：全部任务" : "　筛选：" + String.join("，", parts);
    }

    private String unit(String unitId) {
        String id = blankToNull(unitId);
        if (id != null && units.all().stream().noneMatch(unit -> unit.id().equals(id))) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "没有编号为“" + id + "”的单位");
        }
        return id;
    }

    private static EscalationLevel level(String value) {
        return parse(EscalationLevel.class, value, "问责等级");
    }

    private static SupervisionState state(String value) {
        return parse(SupervisionState.class, value, "任务状态");
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String what) {
        String name = blankToNull(value);
        if (name == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "无法识别的" + what + "：“" + value + "”");
        }
    }

    private static boolean ascending(String order) {
        String value = blankToNull(order);
        if (value == null || value.equalsIgnoreCase("desc")) {
            return false;
        }
        if (value.equalsIgnoreCase("asc")) {
            return true;
        }
        throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "排序方向只能是 asc 或 desc");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** The choices the dashboard's filters offer. */
    record Filters(
            List<DashboardQueries.PlanRef> plans, List<UnitRef> units, List<Choice> levels, List<Choice> states) {}

    /** A value and its Chinese name. */
    record Choice(String value, String name) {}
}
