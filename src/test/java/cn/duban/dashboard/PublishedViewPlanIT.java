package cn.duban.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.support.DubanTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * The dashboard reads supervision's published view {@code duban.supervised_task}; PostgreSQL inlines it, so each of
 * the dashboard's queries has the very plan it would have on supervision's table (its indexes included).
 */
@DubanTest
class PublishedViewPlanIT {

    @Autowired
    JdbcClient jdbc;

    @Test
    @Transactional
    void theDashboardsQueriesHaveTheTablesPlansOnTheView() {
        // With sequential scans off, the planner shows which index answers each query.
        jdbc.sql("set local enable_seqscan = off").update();
        for (String query : List.of(
                "select task_code from duban.supervised_task s where s.state = 'OVERDUE'"
                        + " order by s.working_days_overdue desc, s.task_code limit 20",
                "select count(*) from duban.supervised_task s where s.lead_unit_ids @> array[cast('finance' as varchar)]",
                "select s.plan_title from duban.supervised_task s where s.plan_code = 'P' order by s.plan_code, s.state"
                        + " limit 1",
                "select task_code from duban.supervised_task s where s.state = 'DUE_SOON' and s.deadline < current_date",
                "select * from duban.supervised_task where task_code = 'T-1'")) {
            String onTable = query.replace("duban.supervised_task", "duban.task_supervision");
            assertThat(plan(query)).as(query).isEqualTo(plan(onTable));
        }
    }

    @Test
    @Transactional
    void aTasksTextThroughPlansViewNeedsNoJoinToThePlan() {
        jdbc.sql("set local enable_seqscan = off").update();
        String query = "select s.task_code, t.text from duban.supervised_task s"
                + " left join duban.plan_task_directory t on t.code = s.task_code where s.task_code = 'T-1'";
        String onTables = "select s.task_code, t.text from duban.task_supervision s"
                + " left join duban.plan_task t on t.code = s.task_code where s.task_code = 'T-1'";
        assertThat(plan(query)).isEqualTo(plan(onTables)).doesNotContain(" on plan ");
    }

    /** The plan without the names the query gave the relation (alias "s" or the table's own). */
    private String plan(String query) {
        return String.join(
                        "\n",
                        jdbc.sql("explain (costs off) " + query)
                                .query(String.class)
                                .list())
                .replaceAll("on task_supervision( s)?\\b", "on task_supervision")
                .replaceAll("\\b(s|task_supervision)\\.", "");
    }
}
