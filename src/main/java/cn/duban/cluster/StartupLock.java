package cn.duban.cluster;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Lets one node at a time do a start-up step that writes shared data (groups, grants, filters, the first
 * administrator, demo data): nodes started together would otherwise both find a group missing and both create it.
 * The step runs in one transaction holding a PostgreSQL advisory lock, so a node that waited sees what the first one
 * wrote, and a node that dies mid-step leaves nothing half-done.
 */
@Component
public class StartupLock {

    /** The advisory lock's key: "duban-su" in ASCII. */
    private static final long KEY = 0x647562616e2d7375L;

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    StartupLock(JdbcClient jdbc, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    public void runAlone(Step step) {
        transaction.executeWithoutResult(status -> {
            jdbc.sql("select pg_advisory_xact_lock(?)")
                    .param(KEY)
                    .query((rs, row) -> null)
                    .list();
            try {
                step.run();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException("A start-up step failed: " + e.getMessage(), e);
            }
        });
    }

    /** A start-up step; it may read files. */
    @FunctionalInterface
    public interface Step {
        void run() throws Exception;
    }
}
