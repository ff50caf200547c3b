package cn.duban.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.lang.reflect.Field;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An embedded PostgreSQL that stops when Spring says so, after the process engine and the connection pool.
 *
 * <p>The library also stops its server from a JVM shutdown hook of its own, which runs at the same time as Spring's
 * and pulls the database out from under the engine while it is still shutting down (errors, then a 30 s wait for
 * connections). The library has no switch for that hook, so its "already closed" flag is set for as long as Spring
 * owns the server; if that field ever changes, the library's own behaviour is kept and a warning says so.
 */
final class SpringManagedPostgres implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SpringManagedPostgres.class);

    private final EmbeddedPostgres postgres;
    private final AtomicBoolean libraryClosedFlag;

    SpringManagedPostgres(EmbeddedPostgres postgres) {
        this.postgres = postgres;
        this.libraryClosedFlag = closedFlag(postgres);
        if (libraryClosedFlag != null) {
            libraryClosedFlag.set(true);
        }
    }

    EmbeddedPostgres postgres() {
        return postgres;
    }

    @Override
    public void close() throws IOException {
        if (libraryClosedFlag != null) {
            libraryClosedFlag.set(false);
        }
        postgres.close();
    }

    private static AtomicBoolean closedFlag(EmbeddedPostgres postgres) {
        try {
            Field closed = EmbeddedPostgres.class.getDeclaredField("closed");
            closed.setAccessible(true);
            return (AtomicBoolean) closed.get(postgres);
        } catch (ReflectiveOperationException | RuntimeException e) {
            log.warn("Embedded PostgreSQL may stop before the engine at shutdown: {}", e.toString());
            return null;
        }
    }
}
