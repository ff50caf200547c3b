package cn.duban.majorproject;

import cn.duban.identity.DubanGroups;
import cn.duban.identity.GroupAuthorities;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.math.BigDecimal;
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
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.server.ResponseStatusException;

/**
 * Major projects over HTTP: the office enters ({@code POST /api/major-projects}) or imports a table ({@code POST
 * /api/major-projects/import}); the owner unit or the office reports progress; overseers see them on the dashboard
 * ({@code /api/dashboard/major-projects}) and in their ledger (.xlsx).
 */
@RestController
class MajorProjectController {

    private static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final MajorProjects projects;

    MajorProjectController(MajorProjects projects) {
        this.projects = projects;
    }

    record Progress(String content, BigDecimal investmentSpent, Integer milestoneDone) {}

    @PostMapping(path = "/api/major-projects", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<MajorProject> add(@RequestBody MajorProjectEntry entry, Authentication user) {
        if (entry == null) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "请提交重大工程");
        }
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(projects.add(List.of(entry), user.getName(), null).get(0));
    }

    @PostMapping("/api/major-projects/import")
    ResponseEntity<List<MajorProject>> importTable(HttpServletRequest request, Authentication user) throws IOException {
        MultipartFile file =
                request instanceof MultipartHttpServletRequest multipart ? multipart.getFile("file") : null;
        if (file == null) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "请以multipart/form-data上传重大工程表格（.xlsx，字段名file）");
        }
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(projects.add(ProjectTable.read(file.getBytes()), user.getName(), "第"));
    }

    @PostMapping("/api/major-projects/{code}/progress")
    MajorProject report(@PathVariable String code, @RequestBody Progress progress, Authentication user) {
        List<String> groups = GroupAuthorities.groupIds(user);
        boolean office = groups.contains(DubanGroups.SUPERVISION_OFFICE) || groups.contains(DubanGroups.CAMUNDA_ADMIN);
        return projects.report(
                code,
                progress.content(),
                progress.investmentSpent(),
                progress.milestoneDone(),
                user.getName(),
                groups,
                office);
    }

    /** The projects a unit owns (so that it can report their progress); the office and leaders see them all. */
    @GetMapping("/api/my/major-projects")
    List<MajorProject> mine(Authentication user) {
        List<String> groups = GroupAuthorities.groupIds(user);
        if (groups.contains(DubanGroups.SUPERVISION_OFFICE)
                || groups.contains(DubanGroups.LEADERS)
                || groups.contains(DubanGroups.CAMUNDA_ADMIN)) {
            return projects.all();
        }
        return projects.all().stream()
                .filter(project -> groups.contains(project.ownerUnitId()))
                .toList();
    }

    @GetMapping("/api/dashboard/major-projects")
    List<MajorProject> dashboard() {
        return projects.all();
    }

    @GetMapping("/api/dashboard/major-projects.xlsx")
    ResponseEntity<byte[]> ledger() {
        return ResponseEntity.ok()
                .contentType(XLSX)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("重大工程台账.xlsx", StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(ProjectTable.ledger(projects.all()));
    }
}
