package cn.duban.indicator;

import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Service;

/** Where each plan's indicators stand against their targets, for other modules (the annual assessment, roll-ups). */
@Service
public class IndicatorStandings {

    private final IndicatorStore store;

    IndicatorStandings(IndicatorStore store) {
        this.store = store;
    }

    /** Every indicator of the plans named (all plans when none is named), with its reporting unit and status. */
    public List<Standing> of(Collection<String> planCodes) {
        return store.all().stream()
                .filter(indicator -> planCodes.isEmpty() || planCodes.contains(indicator.planCode()))
                .map(indicator -> {
                    IndicatorView view = IndicatorView.of(indicator);
                    return new Standing(
                            view.id(),
                            view.planCode(),
                            view.name(),
                            view.leadUnitId(),
                            view.status(),
                            view.latestValue() == null
                                    ? null
                                    : view.latestValue().toPlainString(),
                            view.target(),
                            view.statusReason());
                })
                .toList();
    }

    /** One indicator: who reports it (null: nobody named yet), its status, latest value and target as written. */
    public record Standing(
            long id,
            String planCode,
            String name,
            String leadUnitId,
            IndicatorStatus status,
            String latestValue,
            String target,
            String reason) {}
}
