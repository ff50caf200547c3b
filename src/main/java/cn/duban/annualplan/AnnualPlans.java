package cn.duban.annualplan;

import cn.duban.identity.Unit;
import cn.duban.identity.UnitCatalog;
import cn.duban.plan.ImportedPlan;
import cn.duban.plan.PlanFile;
import cn.duban.plan.PlanHierarchy;
import cn.duban.plan.PlanImporter;
import cn.duban.supervision.SupervisionRecord;
import cn.duban.supervision.SupervisionState;
import cn.duban.supervision.TaskSupervision;
import cn.duban.taskform.ChineseDates;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * Annual work plans (年度工作计划) drawn from a parent plan (a five-year plan, a multi-year work plan): the draft lists
 * the parent's tasks still open in the year; the office picks some, adds yearly targets and deadlines, and the annual
 * plan is published like any plan (each task dispatched and supervised), linked to its parent and each task to the
 * parent's task it carries out that year.
 */
@Service
public class AnnualPlans {

    private final PlanHierarchy hierarchy;
    private final PlanImporter importer;
    private final SupervisionRecord supervision;
    private final UnitCatalog units;

    AnnualPlans(PlanHierarchy hierarchy, PlanImporter importer, SupervisionRecord supervision, UnitCatalog units) {
        this.hierarchy = hierarchy;
        this.importer = importer;
        this.supervision = supervision;
        this.units = units;
    }

    public AnnualPlanDraft draft(String parentCode, int year) {
        PlanHierarchy.PlanRef parent = parent(parentCode);
        checkYear(parent, year);
        Map<String, String> names = unitNames();
        LocalDate first = LocalDate.of(year, 1, 1);
        LocalDate last = LocalDate.of(year, 12, 31);
        List<AnnualPlanDraft.Candidate> candidates = new ArrayList<>();
        for (PlanHierarchy.PlanTaskRef task : hierarchy.tasks(parentCode)) {
            Optional<TaskSupervision> state = supervision.find(task.code());
            boolean closed =
                    state.map(s -> s.state() == SupervisionState.CLOSED).orElse(false);
            boolean started = task.startDate() == null || !task.startDate().isAfter(last);
            boolean due = !task.deadline().isBefore(first) || state.isPresent() && !closed;
            if (closed || !started || !due) {
                continue;
            }
            LocalDate deadline =
                    task.deadline().isAfter(last) ? last : task.deadline().isBefore(first) ? last : task.deadline();
            String stateName = state.map(s -> s.state().name()).orElse("NOT_DISPATCHED");
            candidates.add(new AnnualPlanDraft.Candidate(
                    task.code(),
                    task.code() + "-" + year,
                    task.section(),
                    task.title(),
                    task.text(),
                    stateName,
                    stateText(stateName),
                    task.deadline(),
                    deadline,
                    named(leads(task), names),
                    named(task.supportUnits(), names),
                    named(task.implementingUnits(), names)));
        }
        return new AnnualPlanDraft(
                parent.code(),
                parent.title(),
                year,
                parent.code() + "-" + year,
                annualTitle(parent.title(), year),
                candidates);
    }

    /** Publishes the annual plan: checked and dispatched like an imported plan, then linked to its parent. */
    @Transactional
    public ImportedPlan publish(String parentCode, AnnualPlanRequest request, String user) {
        if (request == null || request.year() == null) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "请填写年度（year）");
        }
        int year = request.year();
        AnnualPlanDraft draft = draft(parentCode, year);
        if (request.tasks() == null || request.tasks().isEmpty()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "请至少选择上级计划的一项任务纳入年度计划");
        }
        Map<String, AnnualPlanDraft.Candidate> open = draft.candidates().stream()
                .collect(Collectors.toMap(
                        AnnualPlanDraft.Candidate::parentTaskCode,
                        Function.identity(),
                        (a, b) -> a,
                        LinkedHashMap::new));
        Set<String> picked = new HashSet<>();
        List<PlanFile.Task> tasks = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (AnnualPlanRequest.PickedTask pick : request.tasks()) {
            String code =
                    pick.parentTaskCode() == null ? "" : pick.parentTaskCode().strip();
            AnnualPlanDraft.Candidate candidate = open.get(code);
            if (candidate == null) {
                problems.add("任务“" + code + "”不是上级计划“" + parentCode + "”在" + year + "年仍未完成的任务");
                continue;
            }
            if (!picked.add(code)) {
                problems.add("任务“" + code + "”重复选择");
                continue;
            }
            LocalDate deadline = candidate.deadline();
            if (pick.deadline() != null && !pick.deadline().isBlank()) {
                Optional<LocalDate> parsed = ChineseDates.parse(pick.deadline());
                if (parsed.isEmpty()) {
                    problems.add("任务“" + code + "”的完成时限“" + pick.deadline().strip() + "”无法识别，" + ChineseDates.HINT);
                    continue;
                }
                deadline = parsed.get();
                if (deadline.getYear() != year) {
                    problems.add("任务“" + code + "”的年度完成时限须在" + year + "年内（收到" + deadline + "）");
                    continue;
                }
            }
            String target =
                    pick.yearlyTarget() == null ? "" : pick.yearlyTarget().strip();
            if (target.length() > 500) {
                problems.add("任务“" + code + "”的年度目标不能超过500字");
                continue;
            }
            String text = candidate.text() + (target.isEmpty() ? "" : "\n" + year + "年度目标：" + target);
            tasks.add(new PlanFile.Task(
                    candidate.code(),
                    candidate.section(),
                    candidate.title(),
                    text,
                    candidate.leadUnits(),
                    List.of(),
                    candidate.supportUnits(),
                    null,
                    candidate.implementingUnits(),
                    null,
                    deadline.toString(),
                    target.isEmpty() ? List.of() : List.of(new PlanFile.Target(target, null, null, null))));
        }
        if (!problems.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "年度计划未发布：" + String.join("；", problems));
        }
        String code = blank(request.code()) ? draft.code() : request.code().strip();
        String title = blank(request.title()) ? draft.title() : request.title().strip();
        PlanFile file = new PlanFile(
                code, title, null, null, "ANNUAL", year, year, year + "-12-31", "MONTHLY", null, tasks, List.of());
        ImportedPlan imported = importer.publish(file, null, user);
        hierarchy.linkParent(code, parentCode);
        for (PlanFile.Task task : tasks) {
            hierarchy.linkParentTask(
                    task.code(), task.code().substring(0, task.code().length() - ("-" + year).length()));
        }
        return imported;
    }

    private PlanHierarchy.PlanRef parent(String code) {
        return hierarchy
                .plan(code)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "未找到计划“" + code + "”"));
    }

    private static void checkYear(PlanHierarchy.PlanRef parent, int year) {
        if (parent.periodStart() != null
                && parent.periodEnd() != null
                && (year < parent.periodStart() || year > parent.periodEnd())) {
            throw new ResponseStatusException(
                    HttpStatus.BAD_REQUEST,
                    "年度须在上级计划的实施期" + parent.periodStart() + "—" + parent.periodEnd() + "年内（收到" + year + "）");
        }
        if (year < 2000 || year > 2100) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "年度须在2000至2100之间（收到" + year + "）");
        }
    }

    private static List<String> leads(PlanHierarchy.PlanTaskRef task) {
        List<String> leads = new ArrayList<>(task.leadUnits());
        leads.addAll(task.responsibleUnits());
        return leads;
    }

    private Map<String, String> unitNames() {
        return units.all().stream().collect(Collectors.toMap(Unit::id, Unit::name, (a, b) -> a));
    }

    private static List<String> named(List<String> ids, Map<String, String> names) {
        return ids.stream().map(id -> names.getOrDefault(id, id)).toList();
    }

    static String annualTitle(String parentTitle, int year) {
        return parentTitle.replaceAll("[（(]\\d{4}\\s*[-—–至]\\s*\\d{4}[)）]$", "") + year + "年度工作计划";
    }

    static String stateText(String state) {
        return switch (state) {
            case "ON_TRACK" -> "正常";
            case "DUE_SOON" -> "临期";
            case "OVERDUE" -> "逾期";
            case "RECTIFYING" -> "整改中";
            case "SUBMITTED" -> "待核验销号";
            case "CLOSED" -> "已销号";
            default -> "未交办";
        };
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
