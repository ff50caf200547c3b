package cn.duban.indicator;

import cn.duban.identity.DubanGroups;
import cn.duban.identity.GroupAuthorities;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Plan indicators on the supervision dashboard. {@code GET /api/indicators?plan={code}}: every indicator with its
 * lead unit, latest value and status (supervision office, leaders). {@code GET /api/indicators/{id}/values}: what was
 * reported, newest first (also for the lead unit). {@code PUT} and {@code DELETE /api/indicators/{id}/lead-unit}: the
 * supervision office names the unit that reports it, or withdraws the reporting.
 */
@RestController
@RequestMapping("/api/indicators")
class IndicatorController {

    private static final Set<String> OVERSEERS =
            Set.of(DubanGroups.SUPERVISION_OFFICE, DubanGroups.LEADERS, DubanGroups.CAMUNDA_ADMIN);

    private final IndicatorStore store;
    private final IndicatorAssignments assignments;

    IndicatorController(IndicatorStore store, IndicatorAssignments assignments) {
        this.store = store;
        this.assignments = assignments;
    }

    @GetMapping
    List<IndicatorView> indicators(@RequestParam(name = "plan", required = false) String planCode) {
        if (planCode == null || planCode.isBlank()) {
            return store.all().stream().map(IndicatorView::of).toList();
        }
        if (!store.planExists(planCode.strip())) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "没有编号为“" + planCode.strip() + "”的计划");
        }
        return store.ofPlan(planCode.strip()).stream().map(IndicatorView::of).toList();
    }

    @GetMapping("/{id}/values")
    List<ReportedValueView> values(@PathVariable String id, Authentication user) {
        Indicator indicator = store.find(indicatorId(id)).orElseThrow(() -> notFound(id));
        List<String> groups = GroupAuthorities.groupIds(user);
        if (groups.stream().noneMatch(group -> OVERSEERS.contains(group) || group.equals(indicator.leadUnitId()))) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "只有牵头单位、督查办和领导可以查看指标的报送记录");
        }
        return store.values(indicator.id()).stream().map(ReportedValueView::of).toList();
    }

    @PutMapping("/{id}/lead-unit")
    IndicatorView assign(@PathVariable String id, @RequestBody LeadUnit leadUnit, Authentication user) {
        return IndicatorView.of(assignments.assign(indicatorId(id), leadUnit.unitId(), user.getName()));
    }

    @DeleteMapping("/{id}/lead-unit")
    ResponseEntity<Void> withdraw(@PathVariable String id) {
        assignments.withdraw(indicatorId(id));
        return ResponseEntity.noContent().build();
    }

    private static long indicatorId(String id) {
        try {
            return Long.parseLong(id.strip());
        } catch (NumberFormatException e) {
            throw notFound(id);
        }
    }

    private static ResponseStatusException notFound(String id) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "没有编号为“" + id + "”的指标");
    }

    /** The body of {@code PUT /api/indicators/{id}/lead-unit}: a unit's id (or its name). */
    record LeadUnit(String unitId) {}

    /** One reported value. */
    record ReportedValueView(
            long id,
            BigDecimal value,
            LocalDate asOf,
            String note,
            String unitId,
            String unitName,
            String reportedBy,
            OffsetDateTime reportedAt) {

        static ReportedValueView of(IndicatorStore.ReportedRow row) {
            return new ReportedValueView(
                    row.id(),
                    IndicatorView.plain(row.value()),
                    row.asOf(),
                    row.note(),
                    row.unitId(),
                    row.unitName(),
                    row.reportedBy(),
                    row.reportedAt());
        }
    }
}
