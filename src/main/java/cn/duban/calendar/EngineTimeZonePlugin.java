package cn.duban.calendar;

import java.time.ZoneId;
import org.camunda.bpm.engine.impl.calendar.CycleBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.MapBusinessCalendarManager;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Every cron timer of every process runs on Beijing time ({@code duban.time-zone}), whatever the server's zone. */
@Component
class EngineTimeZonePlugin extends AbstractProcessEnginePlugin {

    private final ZoneId zone;

    EngineTimeZonePlugin(@Value("${duban.time-zone}") ZoneId zone) {
        this.zone = zone;
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        if (!(configuration.getBusinessCalendarManager() instanceof MapBusinessCalendarManager calendars)) {
            throw new IllegalStateException(
                    "Unexpected business calendar manager: " + configuration.getBusinessCalendarManager());
        }
        calendars.addBusinessCalendar(CycleBusinessCalendar.NAME, new BeijingCycleCalendar(zone));
    }
}
