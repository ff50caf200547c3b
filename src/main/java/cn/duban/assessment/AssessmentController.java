package cn.duban.assessment;

import cn.duban.identity.DubanGroups;
import cn.duban.identity.GroupAuthorities;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The annual assessment over HTTP. The performance office (州绩效办, or the supervision office) opens, weighs, closes
 * and publishes a year and reads the ranking at any time; leaders read it once published; every unit reads its own
 * score and reasons once the year is scored, never another's, and changes nothing.
 */
@RestController
class AssessmentController {

    static final String PERFORMANCE_OFFICE = "performance-office";
    private static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final Assessments assessments;

    AssessmentController(Assessments assessments) {
        this.assessments = assessments;
    }

    /** What the office sends to open a year. */
    record Opening(Integer year, List<String> planCodes, AssessmentWeights weights) {}

    @GetMapping("/api/assessments")
    List<AssessmentYear> years(Authentication user) {
        requireReader(user);
        return assessments.years();
    }

    @PostMapping("/api/assessments")
    ResponseEntity<AssessmentYear> open(@RequestBody Opening opening, Authentication user) {
        requireOffice(user);
        if (opening == null || opening.year() == null) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "请填写考核年度（year）");
        }
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(assessments.open(opening.year(), opening.planCodes(), opening.weights(), user.getName()));
    }

    @GetMapping("/api/assessments/{year}")
    AssessmentYear year(@PathVariable int year, Authentication user) {
        requireReader(user);
        return assessments.year(year);
    }

    @PutMapping("/api/assessments/{year}/weights")
    AssessmentYear weights(@PathVariable int year, @RequestBody AssessmentWeights weights, Authentication user) {
        requireOffice(user);
        return assessments.updateWeights(year, weights);
    }

    @PostMapping("/api/assessments/{year}/closure")
    AssessmentYear close(@PathVariable int year, Authentication user) {
        requireOffice(user);
        return assessments.close(year);
    }

    @PostMapping("/api/assessments/{year}/publication")
    AssessmentYear publish(@PathVariable int year, Authentication user) {
        requireOffice(user);
        return assessments.publish(year, user.getName());
    }

    @GetMapping("/api/assessments/{year}/ranking")
    List<UnitAssessment> ranking(@PathVariable int year, Authentication user) {
        requireRanking(year, user);
        return assessments.ranking(year);
    }

    @GetMapping("/api/assessments/{year}/ranking.xlsx")
    ResponseEntity<byte[]> rankingWorkbook(@PathVariable int year, Authentication user) {
        requireRanking(year, user);
        byte[] workbook = RankingWorkbook.of(assessments.year(year), assessments.ranking(year));
        return ResponseEntity.ok()
                .contentType(XLSX)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(year + "年度考核排名.xlsx", StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(workbook);
    }

    /** A unit's own score: the units the caller belongs to, nothing of any other. */
    @GetMapping("/api/assessments/{year}/my-score")
    List<UnitAssessment> myScore(@PathVariable int year, Authentication user) {
        List<String> groups = GroupAuthorities.groupIds(user);
        return assessments.scoresOf(year, groups);
    }

    private void requireRanking(int year, Authentication user) {
        if (isOffice(user)) {
            return;
        }
        if (GroupAuthorities.groupIds(user).contains(DubanGroups.LEADERS)) {
            if (!assessments.year(year).state().equals("PUBLISHED")) {
                throw new ResponseStatusException(HttpStatus.FORBIDDEN, year + "年度考核排名尚未发布");
            }
            return;
        }
        throw new ResponseStatusException(HttpStatus.FORBIDDEN, "无权查看考核排名：仅绩效办、督查办和领导可以查看。");
    }

    private static void requireReader(Authentication user) {
        if (!isOffice(user) && !GroupAuthorities.groupIds(user).contains(DubanGroups.LEADERS)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "无权查看年度考核：仅绩效办、督查办和领导可以查看。");
        }
    }

    private static void requireOffice(Authentication user) {
        if (!isOffice(user)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "无权执行此操作：年度考核由绩效办（或督查办）组织。");
        }
    }

    private static boolean isOffice(Authentication user) {
        List<String> groups = GroupAuthorities.groupIds(user);
        return groups.contains(PERFORMANCE_OFFICE)
                || groups.contains(DubanGroups.SUPERVISION_OFFICE)
                || groups.contains(DubanGroups.CAMUNDA_ADMIN);
    }
}
