package cn.duban.annualplan;

import cn.duban.plan.ImportedPlan;
import java.net.URI;
import java.security.Principal;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Annual plans drawn from their parent ({@code GET /api/plans/{code}/annual-draft?year=}, {@code POST
 * /api/plans/{code}/annual-plans}) and a plan with its children on the dashboard ({@code GET
 * /api/dashboard/plan-tree/{code}}). Who may call what is in AccessPolicy.
 */
@RestController
class AnnualPlanController {

    private final AnnualPlans annualPlans;
    private final PlanTree tree;

    AnnualPlanController(AnnualPlans annualPlans, PlanTree tree) {
        this.annualPlans = annualPlans;
        this.tree = tree;
    }

    @GetMapping("/api/plans/{code}/annual-draft")
    AnnualPlanDraft draft(@PathVariable String code, @RequestParam int year) {
        return annualPlans.draft(code, year);
    }

    @PostMapping("/api/plans/{code}/annual-plans")
    ResponseEntity<ImportedPlan> publish(
            @PathVariable String code, @RequestBody AnnualPlanRequest request, Principal user) {
        ImportedPlan plan = annualPlans.publish(code, request, user.getName());
        return ResponseEntity.created(URI.create("/api/plans/" + plan.code())).body(plan);
    }

    @GetMapping("/api/dashboard/plan-tree/{code}")
    PlanTree.View planTree(@PathVariable String code) {
        return tree.of(code);
    }
}
