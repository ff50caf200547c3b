package cn.duban.cluster;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Builds the process engine on one node at a time. On an empty database the engine creates its tables while it is
 * built; two nodes started together would both try. A PostgreSQL advisory lock, held on its own connection from
 * the end of the engine's configuration until the engine is built, makes the second node wait and then find the
 * tables there. The lock goes with the connection, so a node that dies while holding it releases it.
 */
@Component
class SchemaSetupLock extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(SchemaSetupLock.class);
    /** The advisory lock's key: "duban-en" in ASCII. */
    private static final long KEY = 0x647562616e2d656eL;

    private Connection holder;

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        DataSource dataSource = configuration.getDataSource();
        try {
            holder = dataSource.getConnection();
            holder.setAutoCommit(true);
            try (Statement statement = holder.createStatement()) {
                statement.execute("select pg_advisory_lock(" + KEY + ")");
            }
        } catch (SQLException e) {
            release();
            throw new IllegalStateException("Could not take the engine start-up lock in PostgreSQL", e);
        }
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine processEngine) {
        release();
    }

    private void release() {
        if (holder == null) {
            return;
        }
        try (Connection connection = holder;
                Statement statement = connection.createStatement()) {
            statement.execute("select pg_advisory_unlock(" + KEY + ")");
        } catch (SQLException e) {
            log.warn("Could not release the engine start-up lock; it goes with its connection", e);
        } finally {
            holder = null;
        }
    }
}
