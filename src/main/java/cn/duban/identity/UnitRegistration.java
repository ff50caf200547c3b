package cn.duban.identity;

import cn.duban.taskform.PlainText;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/** Adds a unit to the catalog: its row, its Camunda group, and the permissions and Tasklist filters every unit has. */
@Service
public class UnitRegistration {

    private static final Pattern ID = Pattern.compile("[a-z0-9]+([._-][a-z0-9]+)*");
    private static final List<String> KINDS =
            List.of("DEPARTMENT", "COUNTY", "CITY", "PARK", "COLLECTIVE", "OFFICE", "EXTERNAL");

    private final JdbcClient jdbc;
    private final UnitCatalog units;
    private final UnitGroupSynchronizer groups;
    private final AccessRules accessRules;
    private final TasklistFilters filters;
    private final IdentityService identityService;

    UnitRegistration(
            JdbcClient jdbc,
            UnitCatalog units,
            UnitGroupSynchronizer groups,
            AccessRules accessRules,
            TasklistFilters filters,
            IdentityService identityService) {
        this.identityService = identityService;
        this.jdbc = jdbc;
        this.units = units;
        this.groups = groups;
        this.accessRules = accessRules;
        this.filters = filters;
    }

    @Transactional
    public Unit register(String requestedId, String name, String requestedKind) {
        String unitName = name == null ? "" : name.strip();
        if (unitName.isEmpty() || unitName.length() > 100) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "单位名称不能为空，且不超过100个字");
        }
        String notPlain = PlainText.problemWith(unitName);
        if (notPlain != null) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "单位名称" + notPlain);
        }
        if (!units.resolveAll(unitName).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "“" + unitName + "”已是单位库中的单位或其别名");
        }
        String kind = requestedKind == null || requestedKind.isBlank()
                ? "DEPARTMENT"
                : requestedKind.strip().toUpperCase(Locale.ROOT);
        if (!KINDS.contains(kind)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "单位类型应为 " + String.join("、", KINDS) + " 之一");
        }
        String id = requestedId == null || requestedId.isBlank()
                ? "unit-" + UUID.randomUUID().toString().substring(0, 8)
                : requestedId.strip();
        if (!ID.matcher(id).matches() || id.length() > 64) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "单位编号“" + id + "”只能用小写字母、数字和“-”“_”“.”，最长64个字符");
        }
        if (units.resolve(id).isPresent()) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "单位编号“" + id + "”已被使用");
        }
        jdbc.sql("insert into duban.unit (id, name, kind, sort_order) values (?, ?, ?, 1000)")
                .params(id, unitName, kind)
                .update();
        // Who may register units was checked at the door (supervision office); the group, its permissions and
        // filters are set up by the system, as at start-up, not with the caller's own engine permissions.
        AsSystem.run(identityService, () -> {
            groups.synchronize();
            accessRules.grantUnitDefaults(id);
            filters.shareWith(id, filters.ensureFilters());
        });
        return new Unit(id, unitName, kind);
    }
}
