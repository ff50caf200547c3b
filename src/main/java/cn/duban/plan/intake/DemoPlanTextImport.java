package cn.duban.plan.intake;

import cn.duban.cluster.StartupLock;
import cn.duban.plan.ImportedPlan;
import cn.duban.plan.PlanImporter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Demo profile only: dispatches the 14th Five-Year plan from its own published text, once. (Its reading is pinned
 * task by task by the parser's tests; a real plan goes through review and approval in plan-intake.)
 */
@Component
@Profile("demo")
@Order(31)
class DemoPlanTextImport implements ApplicationRunner {

    static final String PLAN_CODE = "CJ-14FYP-SOIL";
    static final String PLAN_FILE = "plans/changji-14th-fyp-soil-groundwater-rural.txt";
    static final String TITLE = "昌吉州土壤、地下水和农村生态环境保护“十四五”规划";

    private static final Logger log = LoggerFactory.getLogger(DemoPlanTextImport.class);

    private final PlanIntake intake;
    private final StartupLock startupLock;
    private final PlanImporter importer;

    DemoPlanTextImport(PlanIntake intake, PlanImporter importer, StartupLock startupLock) {
        this.startupLock = startupLock;
        this.intake = intake;
        this.importer = importer;
    }

    @Override
    public void run(ApplicationArguments args) {
        startupLock.runAlone(this::setUp);
    }

    private void setUp() throws IOException {
        if (importer.isImported(PLAN_CODE)) {
            return;
        }
        String text = new ClassPathResource(PLAN_FILE).getContentAsString(StandardCharsets.UTF_8);
        ImportedPlan plan = intake.publishUnreviewed(text, PLAN_FILE, PLAN_CODE, TITLE, "demo");
        log.info("Demo plan {} dispatched from its text: {} tasks", plan.code(), plan.taskCount());
    }
}
