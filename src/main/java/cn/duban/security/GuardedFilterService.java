package cn.duban.security;

import java.util.List;
import org.camunda.bpm.engine.impl.FilterServiceImpl;
import org.camunda.bpm.engine.query.Query;

/**
 * Camunda's filter service, running a stored filter with a person's extending query only when that query carries
 * no expression. (The engine evaluates the merged query inside the filter command, out of the command guard's
 * sight, and does not apply its ad-hoc rule to the extension.)
 */
final class GuardedFilterService extends FilterServiceImpl {

    private final QueryExpressionGuard guard;

    GuardedFilterService(QueryExpressionGuard guard) {
        this.guard = guard;
    }

    @Override
    public <T, Q extends Query<?, T>> List<T> list(String filterId, Q extendingQuery) {
        guard.checkSentByPerson(extendingQuery);
        return super.list(filterId, extendingQuery);
    }

    @Override
    public <T, Q extends Query<?, T>> List<T> listPage(
            String filterId, Q extendingQuery, int firstResult, int maxResults) {
        guard.checkSentByPerson(extendingQuery);
        return super.listPage(filterId, extendingQuery, firstResult, maxResults);
    }

    @Override
    public <T, Q extends Query<?, T>> T singleResult(String filterId, Q extendingQuery) {
        guard.checkSentByPerson(extendingQuery);
        return super.singleResult(filterId, extendingQuery);
    }

    @Override
    public Long count(String filterId, Query<?, ?> extendingQuery) {
        guard.checkSentByPerson(extendingQuery);
        return super.count(filterId, extendingQuery);
    }
}
