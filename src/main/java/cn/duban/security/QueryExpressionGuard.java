package cn.duban.security;

import cn.duban.identity.FilterExpressions;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.query.Query;

/**
 * No expression a person sends is evaluated: a task query a person sends carries none, nested {@code orQueries}
 * included (Camunda 7 CE checks ad-hoc expressions on the outer query only, and evaluates method calls in them); a
 * query run inside a stored filter may use only {@link FilterExpressions#STORED_FILTERS_MAY_USE}, word for word.
 */
final class QueryExpressionGuard {

    static final String NO_EXPRESSIONS = "查询条件中不能使用表达式（${…}）";

    private final ProcessEngineConfigurationImpl configuration;

    QueryExpressionGuard(ProcessEngineConfigurationImpl configuration) {
        this.configuration = configuration;
    }

    /** A query from a person (anyone authenticated): no expression at all. */
    void checkSentByPerson(Query<?, ?> query) {
        if (query instanceof TaskQueryImpl taskQuery
                && configuration.getIdentityService().getCurrentAuthentication() != null) {
            check(taskQuery, true);
        }
    }

    /** A query the engine runs for a stored filter: only the stored filters' own expressions. */
    void checkStored(TaskQueryImpl query) {
        check(query, false);
    }

    private static void check(TaskQueryImpl query, boolean sentByPerson) {
        for (TaskQueryImpl part : query.getQueries()) {
            for (Map.Entry<String, String> expression : part.getExpressions().entrySet()) {
                if (sentByPerson || !FilterExpressions.STORED_FILTERS_MAY_USE.contains(expression.getValue())) {
                    throw new BadUserRequestException(NO_EXPRESSIONS + "：" + expression.getKey());
                }
            }
        }
    }
}
