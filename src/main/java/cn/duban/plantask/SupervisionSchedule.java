package cn.duban.plantask;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** For the model: {@code ${supervisionSchedule.checkCycle()}}, when the daily supervision check runs (cron). */
@Component("supervisionSchedule")
public class SupervisionSchedule {

    private final String checkCycle;

    SupervisionSchedule(@Value("${duban.supervision.check-cycle}") String checkCycle) {
        this.checkCycle = checkCycle;
    }

    public String checkCycle() {
        return checkCycle;
    }
}
