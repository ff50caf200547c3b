package cn.duban.plan;

import cn.duban.identity.DubanGroups;
import cn.duban.identity.GroupAuthorities;
import java.io.IOException;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code POST /api/plans}: import a YAML plan file (as the request body or as the multipart part {@code file}) and
 * dispatch its tasks. {@code GET /api/plans} and {@code GET /api/plans/{code}} list what was imported.
 */
@RestController
@RequestMapping("/api/plans")
class PlanController {

    private static final Set<String> OVERSEERS =
            Set.of(DubanGroups.SUPERVISION_OFFICE, DubanGroups.LEADERS, DubanGroups.CAMUNDA_ADMIN);

    private final PlanImporter importer;
    private final PlanStore store;

    PlanController(PlanImporter importer, PlanStore store) {
        this.importer = importer;
        this.store = store;
    }

    @PostMapping(consumes = {"application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml", "text/plain"})
    ResponseEntity<ImportedPlan> importBody(@RequestBody byte[] planFile, Principal user) {
        return created(importer.importPlan(planFile, user.getName()));
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<ImportedPlan> importUpload(@RequestParam("file") MultipartFile planFile, Principal user)
            throws IOException {
        return created(importer.importPlan(planFile.getBytes(), user.getName()));
    }

    @GetMapping
    List<PlanStore.PlanSummary> plans() {
        return store.plans();
    }

    /** The office and leaders see every task of the plan; a unit only those it takes part in. */
    @GetMapping("/{code}")
    ResponseEntity<Map<String, Object>> plan(@PathVariable String code, Authentication user) {
        List<String> groups = GroupAuthorities.groupIds(user);
        boolean overseer = groups.stream().anyMatch(OVERSEERS::contains);
        return store.plans().stream()
                .filter(plan -> plan.code().equals(code))
                .findFirst()
                .map(plan -> ResponseEntity.ok(
                        Map.<String, Object>of("plan", plan, "tasks", store.tasks(code, overseer ? null : groups))))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    private static ResponseEntity<ImportedPlan> created(ImportedPlan plan) {
        return ResponseEntity.created(URI.create("/api/plans/" + plan.code())).body(plan);
    }
}
