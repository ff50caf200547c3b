package cn.duban.plan;

import cn.duban.dispatch.PlanTaskDispatcher;
import cn.duban.dispatch.ReportCycle;
import cn.duban.dispatch.TaskDispatchOrder;
import cn.duban.identity.Unit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports a plan file and dispatches its tasks, all or nothing: the plan, its tasks and every process instance are
 * written in one transaction, so a file that fails anywhere leaves no trace.
 */
@Service
public class PlanImporter {

    private static final Logger log = LoggerFactory.getLogger(PlanImporter.class);

    private final PlanFileReader reader;
    private final PlanValidator validator;
    private final PlanStore store;
    private final PlanTaskDispatcher dispatcher;

    PlanImporter(PlanFileReader reader, PlanValidator validator, PlanStore store, PlanTaskDispatcher dispatcher) {
        this.reader = reader;
        this.validator = validator;
        this.store = store;
        this.dispatcher = dispatcher;
    }

    @Transactional
    public ImportedPlan importPlan(byte[] planFile, String importedBy) {
        return publish(reader.read(planFile), null, importedBy);
    }

    /** Checks, stores and dispatches a plan; {@code sourceText} is the plan's own text when it was read from it. */
    @Transactional
    public ImportedPlan publish(PlanFile file, String sourceText, String importedBy) {
        ValidatedPlan plan = validator.validate(file);
        rejectIfAlreadyImported(plan);
        try {
            long planId = store.insertPlan(plan, sourceText, importedBy);
            List<Long> taskIds = store.insertTasks(planId, plan.tasks());
            List<String> instanceIds = dispatcher.dispatchAll(
                    plan.tasks().stream().map(task -> order(plan, task)).toList());
            List<ImportedPlan.DispatchedTask> dispatched = new ArrayList<>();
            Map<Long, String> processInstances = new LinkedHashMap<>();
            for (int i = 0; i < plan.tasks().size(); i++) {
                ValidatedPlan.Task task = plan.tasks().get(i);
                processInstances.put(taskIds.get(i), instanceIds.get(i));
                dispatched.add(new ImportedPlan.DispatchedTask(
                        task.code(),
                        task.title(),
                        task.accountableUnits().stream().map(Unit::name).toList(),
                        task.deadline(),
                        instanceIds.get(i)));
            }
            store.recordProcessInstances(processInstances);
            log.info("Plan {} imported by {}: {} tasks dispatched", plan.code(), importedBy, dispatched.size());
            return new ImportedPlan(plan.code(), plan.title(), dispatched.size(), dispatched);
        } catch (DuplicateKeyException e) {
            // Another import of the same plan committed in the meantime.
            throw PlanRejectedException.conflict(List.of(ImportProblem.of(
                    ImportProblem.PLAN, "code", "计划编号", "“" + plan.code() + "”或其中的任务编号已被同时进行的另一次导入使用")));
        }
    }

    /** Checks a plan exactly as {@link #publish} would, without writing anything. */
    @Transactional(readOnly = true)
    public void check(PlanFile file) {
        rejectIfAlreadyImported(validator.validate(file));
    }

    public boolean isImported(String planCode) {
        return store.planExists(planCode);
    }

    private void rejectIfAlreadyImported(ValidatedPlan plan) {
        List<ImportProblem> problems = new ArrayList<>();
        if (store.planExists(plan.code())) {
            problems.add(ImportProblem.of(ImportProblem.PLAN, "code", "计划编号", "“" + plan.code() + "”已经导入过"));
        }
        for (String code : store.existingTaskCodes(
                plan.tasks().stream().map(ValidatedPlan.Task::code).toList())) {
            problems.add(ImportProblem.of(code, "code", "任务编号", "已被另一项已导入的任务使用"));
        }
        if (!problems.isEmpty()) {
            throw PlanRejectedException.conflict(problems);
        }
    }

    private static TaskDispatchOrder order(ValidatedPlan plan, ValidatedPlan.Task task) {
        return new TaskDispatchOrder(
                plan.code(),
                plan.title(),
                task.code(),
                task.section(),
                task.title(),
                task.text(),
                task.accountableUnits(),
                task.supportUnits(),
                task.implementingUnits(),
                task.deadline(),
                ReportCycle.valueOf(plan.reportCycle()),
                task.binding(),
                plan.dueSoonWorkingDays(),
                plan.overdueReminderWorkingDays(),
                task.startDate(),
                task.milestones().stream()
                        .map(milestone -> new TaskDispatchOrder.Milestone(milestone.due(), milestone.text()))
                        .toList(),
                task.targets().stream().map(PlanFile.Target::phrase).toList());
    }
}
