package cn.duban.indicator;

import cn.duban.cluster.StartupLock;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo profile only: right after the 14th Five-Year plan is dispatched from its text ({@code DemoPlanTextImport}),
 * names the lead unit of each of its indicators that has none, as the plan's own tasks do: farmland, fertiliser, film
 * and manure are led by the agriculture bureau (州农业农村局牵头), water sources, groundwater, village improvement and
 * rural sewage by the ecology and environment bureau.
 */
@Component
@Profile("demo")
@Order(32)
class DemoIndicatorLeads implements ApplicationRunner {

    static final String PLAN_CODE = "CJ-14FYP-SOIL";

    /** The first word found in an indicator's name decides; anything else goes to the ecology and environment bureau. */
    private static final List<Map.Entry<String, String>> LEADS = List.of(
            Map.entry("耕地", "agriculture-rural"),
            Map.entry("化肥", "agriculture-rural"),
            Map.entry("农膜", "agriculture-rural"),
            Map.entry("畜禽粪污", "agriculture-rural"),
            Map.entry("饮用水", "ecology-environment"),
            Map.entry("地下水", "ecology-environment"),
            Map.entry("村庄", "ecology-environment"),
            Map.entry("生活污水", "ecology-environment"));

    private static final String OTHERWISE = "ecology-environment";

    private static final Logger log = LoggerFactory.getLogger(DemoIndicatorLeads.class);

    private final IndicatorStore store;
    private final StartupLock startupLock;
    private final IndicatorAssignments assignments;

    DemoIndicatorLeads(IndicatorStore store, IndicatorAssignments assignments, StartupLock startupLock) {
        this.startupLock = startupLock;
        this.store = store;
        this.assignments = assignments;
    }

    @Override
    public void run(ApplicationArguments args) {
        startupLock.runAlone(this::setUp);
    }

    private void setUp() {
        List<Indicator> unassigned = store.ofPlan(PLAN_CODE).stream()
                .filter(i -> i.leadUnitId() == null)
                .toList();
        for (Indicator indicator : unassigned) {
            assignments.assign(indicator.id(), leadOf(indicator.name()), "demo");
        }
        if (!unassigned.isEmpty()) {
            log.info("Demo plan {}: lead units named for {} indicators", PLAN_CODE, unassigned.size());
        }
    }

    static String leadOf(String indicatorName) {
        return LEADS.stream()
                .filter(lead -> indicatorName.contains(lead.getKey()))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(OTHERWISE);
    }
}
