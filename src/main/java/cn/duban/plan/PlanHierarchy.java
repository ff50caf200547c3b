package cn.duban.plan;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Plans under plans (V61): a plan's parent and children, and which task of the parent an annual plan's task carries
 * out. The parent link is written once, when the child plan is published.
 */
@Service
public class PlanHierarchy {

    private final JdbcClient jdbc;

    PlanHierarchy(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A plan as the hierarchy shows it. */
    public record PlanRef(String code, String title, String kind, Integer periodStart, Integer periodEnd) {}

    /** A task of a plan with its units (ids) by role, for drafting a child plan from it. */
    public record PlanTaskRef(
            String code,
            String section,
            String title,
            String text,
            LocalDate startDate,
            LocalDate deadline,
            List<String> leadUnits,
            List<String> responsibleUnits,
            List<String> supportUnits,
            List<String> implementingUnits,
            String parentTaskCode) {}

    public Optional<PlanRef> plan(String code) {
        return jdbc.sql("select code, title, kind, period_start, period_end from duban.plan where code = ?")
                .param(code)
                .query(PlanRef.class)
                .optional();
    }

    public Optional<PlanRef> parentOf(String code) {
        return jdbc.sql("""
                        select p.code, p.title, p.kind, p.period_start, p.period_end
                        from duban.plan c join duban.plan p on p.id = c.parent_plan_id where c.code = ?""").param(code).query(PlanRef.class).optional();
    }

    public List<PlanRef> children(String code) {
        return jdbc.sql("""
                        select c.code, c.title, c.kind, c.period_start, c.period_end
                        from duban.plan c join duban.plan p on p.id = c.parent_plan_id where p.code = ?
                        order by c.period_start nulls last, c.code""").param(code).query(PlanRef.class).list();
    }

    /** Makes {@code parentCode} the parent of {@code childCode}; a plan cannot be its own ancestor. */
    public void linkParent(String childCode, String parentCode) {
        boolean cycle = jdbc.sql("""
                        with recursive up (id) as (
                            select id from duban.plan where code = :parent
                            union select p.parent_plan_id from duban.plan p join up on p.id = up.id
                            where p.parent_plan_id is not null)
                        select exists (select 1 from up join duban.plan c on c.id = up.id where c.code = :child)""")
                .param("parent", parentCode)
                .param("child", childCode)
                .query(Boolean.class)
                .single();
        if (cycle) {
            throw new IllegalArgumentException("计划“" + parentCode + "”不能作为其自身下级计划“" + childCode + "”的上级计划");
        }
        jdbc.sql("update duban.plan set parent_plan_id = (select id from duban.plan where code = ?) where code = ?")
                .params(parentCode, childCode)
                .update();
    }

    public void linkParentTask(String taskCode, String parentTaskCode) {
        jdbc.sql("update duban.plan_task set parent_task_code = ? where code = ?")
                .params(parentTaskCode, taskCode)
                .update();
    }

    /** Every task of a plan with its units, in the plan's order. */
    public List<PlanTaskRef> tasks(String planCode) {
        return jdbc.sql("""
                        select t.code, t.section, t.title, t.text, t.start_date, t.deadline,
                               array(select unit_id from duban.plan_task_unit r where r.task_id = t.id and r.role = 'LEAD'
                                     order by r.position) as lead_units,
                               array(select unit_id from duban.plan_task_unit r where r.task_id = t.id
                                     and r.role = 'RESPONSIBLE' order by r.position) as responsible_units,
                               array(select unit_id from duban.plan_task_unit r where r.task_id = t.id
                                     and r.role = 'SUPPORT' order by r.position) as support_units,
                               array(select unit_id from duban.plan_task_unit r where r.task_id = t.id
                                     and r.role = 'IMPLEMENTING' order by r.position) as implementing_units,
                               t.parent_task_code
                        from duban.plan_task t join duban.plan p on p.id = t.plan_id
                        where p.code = ? order by t.id""")
                .param(planCode)
                .query((rs, row) -> new PlanTaskRef(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getObject(5, LocalDate.class),
                        rs.getObject(6, LocalDate.class),
                        List.of((String[]) rs.getArray(7).getArray()),
                        List.of((String[]) rs.getArray(8).getArray()),
                        List.of((String[]) rs.getArray(9).getArray()),
                        List.of((String[]) rs.getArray(10).getArray()),
                        rs.getString(11)))
                .list();
    }
}
