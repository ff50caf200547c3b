package cn.duban.plan;

import cn.duban.cluster.StartupLock;
import java.io.IOException;
import java.io.InputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/** Demo profile only: imports and dispatches the bundled 2017 plan once, on the first start. */
@Component
@Profile("demo")
@Order(30)
class DemoPlanImport implements ApplicationRunner {

    static final String PLAN_CODE = "CJ-2017-SOIL";
    static final String PLAN_FILE = "plans/changji-2017-soil-work-plan.yaml";

    private static final Logger log = LoggerFactory.getLogger(DemoPlanImport.class);

    private final PlanImporter importer;
    private final StartupLock startupLock;

    DemoPlanImport(PlanImporter importer, StartupLock startupLock) {
        this.startupLock = startupLock;
        this.importer = importer;
    }

    @Override
    public void run(ApplicationArguments args) {
        startupLock.runAlone(this::setUp);
    }

    private void setUp() throws IOException {
        if (importer.isImported(PLAN_CODE)) {
            log.info("Demo plan {} was imported before", PLAN_CODE);
            return;
        }
        try (InputStream in = new ClassPathResource(PLAN_FILE).getInputStream()) {
            ImportedPlan plan = importer.importPlan(in.readAllBytes(), "demo");
            log.info("Demo plan {} dispatched: {} tasks", plan.code(), plan.taskCount());
        }
    }
}
