package cn.duban.plantask;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * For the model: who reports progress, {@code ${progressReporters.of(leadUnits, implementingUnits)}}: the lead units
 * and every implementing unit, each for its own part.
 */
@Component("progressReporters")
public class ProgressReporters {

    private final UnitIds ids = new UnitIds();

    public List<String> of(String leadUnits, String implementingUnits) {
        List<String> reporters = new ArrayList<>(ids.split(leadUnits));
        ids.split(implementingUnits).stream()
                .filter(id -> !reporters.contains(id))
                .forEach(reporters::add);
        return reporters;
    }
}
