package cn.duban.dashboard;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** Folds the overview's count deltas every few seconds on every node (safe: see {@link DashboardCounts#fold()}). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "duban.dashboard.count-folding-enabled", havingValue = "true", matchIfMissing = true)
class DashboardCountsSchedule {

    private final DashboardCounts counts;

    DashboardCountsSchedule(DashboardCounts counts) {
        this.counts = counts;
    }

    @Scheduled(fixedDelayString = "${duban.dashboard.count-folding-interval:5s}")
    void fold() {
        counts.fold();
    }
}
