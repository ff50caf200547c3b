package cn.duban.web;

import java.net.SocketException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Whether a failure means PostgreSQL cannot be reached right now (restarting, failing over, the connection pool
 * waiting for it). Such a request was rolled back and may be sent again: 503 with Retry-After, not 500.
 */
final class DatabaseUnavailable {

    static final String MESSAGE = "数据库暂时不可用（可能正在重启），本次操作未执行，请稍后再试。";
    static final int RETRY_AFTER_SECONDS = 10;
    private static final String CLOSED_BY_POOL = "Connection is closed";

    private DatabaseUnavailable() {}

    /** Looks through the causes, and through the chained errors of a JDBC batch, which are not causes. */
    static boolean causes(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> open = new ArrayDeque<>();
        open.add(failure);
        while (!open.isEmpty()) {
            Throwable cause = open.poll();
            if (!seen.add(cause)) {
                continue;
            }
            if (isConnectionFailure(cause)) {
                return true;
            }
            if (cause.getCause() != null) {
                open.add(cause.getCause());
            }
            if (cause instanceof SQLException sql && sql.getNextException() != null) {
                open.add(sql.getNextException());
            }
        }
        return false;
    }

    private static boolean isConnectionFailure(Throwable cause) {
        if (cause instanceof CannotGetJdbcConnectionException
                || cause instanceof CannotCreateTransactionException
                || cause instanceof SQLTransientConnectionException
                || cause instanceof SocketException) {
            return true;
        }
        if (!(cause instanceof SQLException sql)) {
            return false;
        }
        if (sql.getSQLState() == null) {
            // The pool's own answer for a connection it has already found broken.
            return CLOSED_BY_POOL.equals(sql.getMessage());
        }
        // 08: connection exception; 57P01-57P03: the server shuts down, crashed or is starting up.
        return sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P");
    }
}
