package cn.duban.plan;

import cn.duban.identity.Unit;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Duban's tables for plans, their tasks and the units' roles on them. */
@Repository
class PlanStore {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    PlanStore(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    boolean planExists(String code) {
        return jdbc.sql("select count(*) from duban.plan where code = ?")
                        .param(code)
                        .query(Long.class)
                        .single()
                > 0;
    }

    List<String> existingTaskCodes(List<String> codes) {
        if (codes.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select code from duban.plan_task where code in (:codes) order by code")
                .param("codes", codes)
                .query(String.class)
                .list();
    }

    long insertPlan(ValidatedPlan plan, String sourceText, String importedBy) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into duban.plan (code, title, issuer, issued_on, kind, period_start, period_end,
                                                report_cycle, source_name, source_text, imported_by,
                                                due_soon_working_days, overdue_reminder_working_days)
                        values (:code, :title, :issuer, :issuedOn, :kind, :periodStart, :periodEnd,
                                :reportCycle, :sourceName, :sourceText, :importedBy, :dueSoon, :overdueReminder)""")
                .param("dueSoon", plan.dueSoonWorkingDays())
                .param("overdueReminder", plan.overdueReminderWorkingDays())
                .param("code", plan.code())
                .param("title", plan.title())
                .param("issuer", plan.issuer())
                .param("issuedOn", plan.issuedOn())
                .param("kind", plan.kind())
                .param("periodStart", plan.periodStart())
                .param("periodEnd", plan.periodEnd())
                .param("reportCycle", plan.reportCycle())
                .param("sourceName", plan.sourceName())
                .param("sourceText", sourceText)
                .param("importedBy", importedBy)
                .update(key, "id");
        long planId = key.getKeyAs(Long.class);
        insertIndicators(planId, plan.indicators());
        return planId;
    }

    /**
     * Writes a plan's tasks with their units, targets and milestones; returns their ids in the plan's order. A few
     * round trips for the whole plan however many tasks it has: the ids are drawn from the sequence at once, then each
     * table gets one batch.
     */
    List<Long> insertTasks(long planId, List<ValidatedPlan.Task> tasks) {
        if (tasks.isEmpty()) {
            return List.of();
        }
        List<Long> ids = jdbc.sql("""
                        select nextval(pg_get_serial_sequence('duban.plan_task', 'id'))
                        from generate_series(1, ?) order by 1""").param(tasks.size()).query(Long.class).list();
        List<Object[]> rows = new ArrayList<>();
        List<Object[]> roles = new ArrayList<>();
        List<Object[]> targets = new ArrayList<>();
        List<Object[]> milestones = new ArrayList<>();
        for (int i = 0; i < tasks.size(); i++) {
            ValidatedPlan.Task task = tasks.get(i);
            long taskId = ids.get(i);
            rows.add(new Object[] {
                taskId,
                planId,
                task.code(),
                task.section(),
                task.title(),
                task.text(),
                task.deadline(),
                task.startDate(),
                task.supportShareResponsibility(),
                task.binding()
            });
            addRoles(roles, taskId, "LEAD", task.leadUnits());
            addRoles(roles, taskId, "RESPONSIBLE", task.responsibleUnits());
            addRoles(roles, taskId, "SUPPORT", task.supportUnits());
            addRoles(roles, taskId, "IMPLEMENTING", task.implementingUnits());
            for (int position = 0; position < task.targets().size(); position++) {
                PlanFile.Target target = task.targets().get(position);
                targets.add(new Object[] {
                    taskId, position, target.phrase(), target.value(), target.unit(), target.qualifier()
                });
            }
            for (int position = 0; position < task.milestones().size(); position++) {
                ValidatedPlan.Milestone milestone = task.milestones().get(position);
                milestones.add(new Object[] {taskId, position + 1, milestone.due(), milestone.text()});
            }
        }
        batchInsert("""
                insert into duban.plan_task (id, plan_id, code, section, title, text, deadline, start_date,
                                             support_share_responsibility, binding)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
        batchInsert("insert into duban.plan_task_unit (task_id, unit_id, role, position) values (?, ?, ?, ?)", roles);
        batchInsert("""
                insert into duban.plan_task_target (task_id, position, phrase, value, unit, qualifier)
                values (?, ?, ?, ?, ?, ?)""", targets);
        batchInsert(
                "insert into duban.plan_task_milestone (task_id, position, due, text) values (?, ?, ?, ?)", milestones);
        return ids;
    }

    private void batchInsert(String sql, List<Object[]> rows) {
        if (!rows.isEmpty()) {
            batch.batchUpdate(sql, rows);
        }
    }

    /** Each task's process instance, by task id, in one batch after the plan's tasks were dispatched. */
    void recordProcessInstances(Map<Long, String> processInstanceByTaskId) {
        batch.batchUpdate(
                "update duban.plan_task set process_instance_id = ? where id = ?",
                processInstanceByTaskId.entrySet().stream()
                        .map(task -> new Object[] {task.getValue(), task.getKey()})
                        .toList());
    }

    List<PlanSummary> plans() {
        return jdbc.sql("""
                        select p.code, p.title, p.issuer, p.issued_on, p.imported_by, p.imported_at,
                               (select count(*) from duban.plan_task t where t.plan_id = p.id) as task_count
                        from duban.plan p order by p.imported_at desc, p.code""").query(PlanSummary.class).list();
    }

    List<PlanTaskView> tasks(String planCode) {
        return tasks(planCode, null);
    }

    /** The plan's tasks in which one of {@code unitIds} takes part (any role); all of them for null. */
    List<PlanTaskView> tasks(String planCode, Collection<String> unitIds) {
        return jdbc.sql("""
                        select t.code, t.section, t.title, t.deadline, t.process_instance_id,
                               (select string_agg(u.name, '、' order by r.position) from duban.plan_task_unit r
                                  join duban.unit_directory u on u.id = r.unit_id
                                 where r.task_id = t.id and r.role = 'LEAD') as lead_units,
                               (select string_agg(u.name, '、' order by r.position) from duban.plan_task_unit r
                                  join duban.unit_directory u on u.id = r.unit_id
                                 where r.task_id = t.id and r.role = 'SUPPORT') as support_units
                        from duban.plan_task t join duban.plan p on p.id = t.plan_id
                        where p.code = :code
                          and (:everyTask or exists (select 1 from duban.plan_task_unit r
                                                     where r.task_id = t.id and r.unit_id in (:units)))
                        order by t.id""")
                .param("code", planCode)
                .param("everyTask", unitIds == null)
                .param("units", unitIds == null || unitIds.isEmpty() ? List.of("") : unitIds)
                .query(PlanTaskView.class)
                .list();
    }

    private void insertIndicators(long planId, List<PlanFile.Indicator> indicators) {
        List<Object[]> rows = new ArrayList<>();
        for (int position = 0; position < indicators.size(); position++) {
            PlanFile.Indicator indicator = indicators.get(position);
            rows.add(new Object[] {
                planId,
                position,
                indicator.category(),
                indicator.name(),
                indicator.unit(),
                indicator.baseline(),
                indicator.target(),
                indicator.binding(),
                indicator.source()
            });
        }
        batchInsert("""
                insert into duban.plan_indicator (plan_id, position, category, name, unit, baseline, target, binding,
                                                  source)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
    }

    private static void addRoles(List<Object[]> rows, long taskId, String role, List<Unit> units) {
        for (int position = 0; position < units.size(); position++) {
            rows.add(new Object[] {taskId, units.get(position).id(), role, position});
        }
    }

    /** A plan as listed by {@code GET /api/plans}. */
    record PlanSummary(
            String code,
            String title,
            String issuer,
            LocalDate issuedOn,
            String importedBy,
            OffsetDateTime importedAt,
            long taskCount) {}

    /** A task of a plan as shown by {@code GET /api/plans/{code}}. */
    record PlanTaskView(
            String code,
            String section,
            String title,
            LocalDate deadline,
            String processInstanceId,
            String leadUnits,
            String supportUnits) {}
}
