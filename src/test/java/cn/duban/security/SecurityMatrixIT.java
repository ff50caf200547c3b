package cn.duban.security;

import static cn.duban.security.SecurityMatrixIT.Role.ADMIN;
import static cn.duban.security.SecurityMatrixIT.Role.ANONYMOUS;
import static cn.duban.security.SecurityMatrixIT.Role.LEADER;
import static cn.duban.security.SecurityMatrixIT.Role.LEAD_UNIT;
import static cn.duban.security.SecurityMatrixIT.Role.MONITORING;
import static cn.duban.security.SecurityMatrixIT.Role.OFFICE;
import static cn.duban.security.SecurityMatrixIT.Role.SUPPORT_UNIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import cn.duban.identity.DubanGroups;
import cn.duban.support.DubanTest;
import cn.duban.support.Http;
import cn.duban.support.TestUsers;
import cn.duban.support.WebappSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Who may call what: every endpoint of Duban's API (taken from Spring MVC's mappings, so a new endpoint without a
 * row fails this test), the engine REST calls that reach tasks, instances and history, and the webapps' API behind
 * their login, each called by every role. A role not named in a row is refused (403, or 404 or an empty list for
 * what it may not see); anonymous callers get 401; {@code rule(…)} marks roles that may call but whom the process
 * refuses (400/409). Allowed calls that use up their object (a claim, a completion) get a fresh plan each.
 */
@DubanTest
class SecurityMatrixIT {

    enum Role {
        ANONYMOUS,
        LEAD_UNIT,
        OTHER_UNIT,
        SUPPORT_UNIT,
        OFFICE,
        LEADER,
        MONITORING,
        ADMIN
    }

    private static final String WEBAPP_ENGINE = "/camunda/api/engine/engine/default";

    /** One line per endpoint. Path variables come from {@link Fixture#vars}; {@code .var(name, key)} renames one. */
    private static final List<Row> ROWS = List.of(
            // Duban's API
            api(GET, "/api/units", everyone()),
            api(POST, "/api/units", allow(OFFICE, ADMIN)).body((f, user) -> Map.of("name", "矩阵测试单位" + unique())),
            api(GET, "/api/units/{id}/reach", allow(OFFICE, ADMIN)).var("id", "quietUnit"),
            api(PUT, "/api/units/{id}/reach", allow(OFFICE, ADMIN))
                    .var("id", "quietUnit")
                    .body((f, user) -> Map.of("smsEnabled", false, "contacts", List.of())),
            api(GET, "/api/units/{id}/staff", allow(LEAD_UNIT, OFFICE, LEADER, ADMIN))
                    .var("id", "leadUnit"),
            // Another unit's staff member: only the office and administrators may change anything about them
            api(PUT, "/api/staff/{userId}", allow(OFFICE, ADMIN))
                    .var("userId", "dummyUser")
                    .body((f, user) -> Map.of("phone", "13912345678")),
            api(GET, "/api/inbox", everyone()),
            api(POST, "/api/inbox/{id}/read", allow(LEAD_UNIT)),
            api(GET, "/api/calendar/{year}", everyone()),
            api(GET, "/api/calendar/{year}/status", everyone()),
            api(PUT, "/api/calendar/{year}", allow(OFFICE, ADMIN)).body((f, user) -> List.of()),
            api(DELETE, "/api/calendar/{year}", allow(OFFICE, ADMIN)),
            api(GET, "/api/plans", everyone()),
            api(GET, "/api/plans/{code}", everyone()).var("code", "planCode"),
            api(GET, "/api/plans/{code}/annual-draft?year=2030", allow(OFFICE, LEADER, ADMIN))
                    .var("code", "planCode"),
            api(POST, "/api/plans/{code}/annual-plans", allow(OFFICE, ADMIN))
                    .var("code", "planCode")
                    .fresh()
                    .body((f, user) -> Map.of(
                            "year",
                            2030,
                            "code",
                            "MXA-" + unique(),
                            "tasks",
                            List.of(Map.of(
                                    "parentTaskCode", f.vars.get("planCode") + "-01", "yearlyTarget", "矩阵测试年度目标")))),
            api(GET, "/api/dashboard/plan-tree/{code}", allow(OFFICE, LEADER, ADMIN))
                    .var("code", "planCode"),
            api(POST, "/api/plans", allow(OFFICE, ADMIN)).yaml((f, user) -> Fixture.planYaml("MXP-" + unique())),
            api(POST, "/api/plan-drafts", allow(OFFICE, ADMIN)).text((f, user) -> Fixture.PLAN_TEXT),
            api(GET, "/api/plan-drafts/{draftId}", allow(OFFICE, LEADER, ADMIN)),
            api(PUT, "/api/plan-drafts/{draftId}", allow(OFFICE, ADMIN)).body((f, user) -> f.draftEdit),
            api(POST, "/api/plan-drafts/{draftId}/submission", allow(OFFICE, ADMIN))
                    .body((f, user) -> f.draftEdit)
                    .fresh(),
            api(GET, "/api/my/done-tasks", everyone()),
            // Tasklist's cards: another unit's task id gives no card
            api(GET, "/api/task-cards?ids={claimTask}", allow(LEAD_UNIT, OFFICE, LEADER, ADMIN))
                    .list(),
            // Evidence files: the task's units, the office and leaders read them; the unit working the open step adds
            // (here the office's verification); a file sent in with the report is nobody's to delete any more.
            api(GET, "/api/tasks/{taskId}/evidence", allow(LEAD_UNIT, OFFICE, LEADER, ADMIN))
                    .var("taskId", "verifyTask"),
            api(POST, "/api/tasks/{taskId}/evidence", allow(OFFICE))
                    .var("taskId", "verifyTask")
                    .multipart((f, user) -> Map.of("file", Fixture.evidence("核验记录.pdf"))),
            api(GET, "/api/plan-tasks/{code}/evidence", allow(LEAD_UNIT, SUPPORT_UNIT, OFFICE, LEADER, ADMIN)),
            api(GET, "/api/evidence/{id}", allow(LEAD_UNIT, OFFICE, LEADER, ADMIN))
                    .var("id", "evidenceId"),
            api(DELETE, "/api/evidence/{id}", nobody()).var("id", "evidenceId").rule(LEAD_UNIT),
            api(GET, "/engine-rest/task/{verifyTask}/attachment", allow(OFFICE, LEADER, ADMIN)),
            api(GET, "/engine-rest/task/{verifyTask}/attachment/{evidenceId}/data", nobody()),
            api(POST, "/api/plan-tasks/{code}/extension-requests", allow(LEAD_UNIT))
                    .body((f, user) -> Map.of("newDeadline", "2031-06-30", "reason", "矩阵测试：需要更多时间"))
                    .fresh(),
            api(POST, "/api/plan-tasks/{code}/urges", allow(OFFICE, ADMIN))
                    .body((f, user) -> Map.of("message", "矩阵测试催办")),
            api(POST, "/api/plan-tasks/urges", allow(OFFICE, ADMIN))
                    .body((f, user) -> Map.of("taskCodes", List.of(f.vars.get("code")), "message", "矩阵测试批量催办")),
            api(GET, "/api/plan-tasks/{code}/progress", allow(LEAD_UNIT, SUPPORT_UNIT, OFFICE, LEADER, ADMIN)),
            api(GET, "/api/plan-tasks/{code}/local-progress", allow(LEAD_UNIT, OFFICE, LEADER, ADMIN)),
            api(GET, "/api/plan-tasks/{code}/documents", allow(OFFICE, LEADER, ADMIN)),
            api(GET, "/api/plan-tasks/{code}/instructions", allow(OFFICE, LEADER, ADMIN)),
            api(POST, "/api/plan-tasks/{code}/instructions", allow(LEADER, ADMIN))
                    .body((f, user) -> Map.of("text", "请抓紧落实")),
            api(GET, "/api/documents/{id}.docx", allow(OFFICE, LEADER, ADMIN)).var("id", "documentId"),
            api(GET, "/api/me", everyone()).alsoAllow(MONITORING),

            // The supervision dashboard and its ledger: the office and leaders oversee every unit's tasks
            api(GET, "/api/dashboard/overview", allow(OFFICE, LEADER, ADMIN)),
            api(GET, "/api/dashboard/overdue", allow(OFFICE, LEADER, ADMIN)),
            api(GET, "/api/dashboard/units", allow(OFFICE, LEADER, ADMIN)),
            api(GET, "/api/dashboard/filters", allow(OFFICE, LEADER, ADMIN)),
            api(GET, "/api/dashboard/tasks/{code}", allow(OFFICE, LEADER, ADMIN)),
            api(GET, "/api/dashboard/ledger.xlsx", allow(OFFICE, LEADER, ADMIN)),
            api(GET, "/api/statistics", allow(OFFICE, LEADER, ADMIN)),
            api(GET, "/api/statistics.xlsx", allow(OFFICE, LEADER, ADMIN)),
            api(GET, "/api/traffic-light-rules/{decision}", allow(OFFICE, LEADER, ADMIN))
                    .var("decision", "lightTable"),
            api(PUT, "/api/traffic-light-rules/{decision}", allow(OFFICE, ADMIN))
                    .var("decision", "lightTable")
                    .text((f, user) -> f.lightTableXml),

            // Plan indicators: the lead unit reports and reads its own; the office names who reports
            api(GET, "/api/indicators?plan={planCode}", allow(OFFICE, LEADER, ADMIN)),
            api(GET, "/api/indicators/{id}/values", allow(LEAD_UNIT, OFFICE, LEADER, ADMIN))
                    .var("id", "indicatorId"),
            api(PUT, "/api/indicators/{id}/lead-unit", allow(OFFICE, ADMIN))
                    .var("id", "indicatorId")
                    .body((f, user) -> Map.of("unitId", "ecology-environment")),
            api(DELETE, "/api/indicators/{id}/lead-unit", allow(OFFICE, ADMIN)).var("id", "indicatorId"),

            // Public progress: the office opts a plan in and out; anyone reads a published plan, without a login
            api(GET, "/api/public-plans", allow(OFFICE, ADMIN)),
            api(PUT, "/api/public-plans/{code}", allow(OFFICE, ADMIN))
                    .var("code", "planCode")
                    .body((f, user) -> Map.of("excludedTasks", List.of())),
            api(DELETE, "/api/public-plans/{code}", allow(OFFICE, ADMIN))
                    .var("code", "planCode")
                    .fresh(),
            open(GET, "/public/plans/{code}").var("code", "publicPlanCode"),

            // Major projects: the office enters and imports them, the owner unit reports progress, overseers read them
            api(POST, "/api/major-projects", allow(OFFICE, ADMIN))
                    .body((f, user) -> Map.of(
                            "code",
                            "MXP-" + unique(),
                            "name",
                            "矩阵测试工程",
                            "ownerUnit",
                            "州生态环境局",
                            "location",
                            "昌吉市",
                            "investmentPlanned",
                            10,
                            "startOn",
                            "2026-01-01",
                            "endOn",
                            "2027-12-31")),
            // (a table is a multipart upload, MajorProjectIT sends one; here the JSON body is refused as no table)
            api(POST, "/api/major-projects/import", nobody())
                    .rule(OFFICE, ADMIN)
                    .body((f, user) -> Map.of()),
            api(POST, "/api/major-projects/{code}/progress", allow(LEAD_UNIT, OFFICE, ADMIN))
                    .var("code", "projectCode")
                    .body((f, user) -> Map.of("content", "矩阵测试进展", "investmentSpent", 1)),
            api(GET, "/api/my/major-projects", everyone()),
            api(GET, "/api/dashboard/major-projects", allow(OFFICE, LEADER, ADMIN)),
            api(GET, "/api/dashboard/major-projects.xlsx", allow(OFFICE, LEADER, ADMIN)),

            // Joint meetings: the office records them (each decision dispatched), overseers read them
            api(POST, "/api/joint-meetings", allow(OFFICE, ADMIN))
                    .body((f, user) -> Map.of(
                            "title",
                            "矩阵测试联席会议",
                            "heldOn",
                            "2026-01-05",
                            "participants",
                            List.of("州生态环境局"),
                            "minutes",
                            "矩阵测试纪要",
                            "decisions",
                            List.of(Map.of(
                                    "title", "矩阵测试议定事项", "leadUnits", List.of("州生态环境局"), "deadline", "2030-12-31")))),
            api(GET, "/api/joint-meetings", allow(OFFICE, LEADER, ADMIN)),
            api(GET, "/api/joint-meetings/{code}", allow(OFFICE, LEADER, ADMIN)).var("code", "meetingCode"),

            // The annual assessment: the performance office runs it (the supervision office too), leaders read a
            // published ranking, each unit only its own score
            api(GET, "/api/assessments", allow(OFFICE, LEADER, ADMIN)),
            api(POST, "/api/assessments", allow(OFFICE, ADMIN))
                    .body((f, user) -> Map.of("year", Fixture.ASSESSMENT_YEARS.getAndIncrement())),
            api(GET, "/api/assessments/{year}", allow(OFFICE, LEADER, ADMIN)).var("year", "assessmentYear"),
            api(PUT, "/api/assessments/{year}/weights", allow(OFFICE, ADMIN))
                    .var("year", "assessmentYear")
                    .body((f, user) -> Map.of("urge", 1.5)),
            api(POST, "/api/assessments/{year}/closure", allow(OFFICE, ADMIN))
                    .var("year", "assessmentYear")
                    .fresh(),
            api(POST, "/api/assessments/{year}/publication", allow(OFFICE, ADMIN))
                    .var("year", "scoredYear")
                    .fresh(),
            api(GET, "/api/assessments/{year}/ranking", allow(OFFICE, ADMIN)).var("year", "scoredYear"),
            api(GET, "/api/assessments/{year}/ranking.xlsx", allow(OFFICE, ADMIN))
                    .var("year", "scoredYear"),
            api(GET, "/api/assessments/{year}/my-score", allow(LEAD_UNIT, Role.OTHER_UNIT, SUPPORT_UNIT, ADMIN))
                    .var("year", "scoredYear"),

            // Camunda's REST API: the lead unit's task, the support unit's task, inspection, closure, instances
            api(GET, "/engine-rest/task?processInstanceBusinessKey={code}", allow(LEAD_UNIT, OFFICE, LEADER, ADMIN))
                    .list(),
            api(GET, "/engine-rest/task/{claimTask}", allow(LEAD_UNIT, OFFICE, LEADER, ADMIN)),
            api(GET, "/engine-rest/task/{claimTask}/variables", allow(LEAD_UNIT, OFFICE, LEADER, ADMIN)),
            api(POST, "/engine-rest/task/{claimTask}/claim", allow(LEAD_UNIT))
                    .rule(ADMIN)
                    .body((f, user) -> Map.of("userId", user))
                    .fresh(),
            api(POST, "/engine-rest/task/{claimTask}/complete", allow(LEAD_UNIT, ADMIN))
                    .body((f, user) -> Fixture.SIGNED)
                    .fresh(),
            // Units work on their tasks only through the form: variables outside a completion are refused.
            api(PUT, "/engine-rest/task/{claimTask}/variables/claimNote", allow(ADMIN))
                    .body((f, user) -> Map.of("value", "矩阵测试", "type", "String")),
            api(POST, "/engine-rest/task/{claimTask}/variables", allow(ADMIN))
                    .body((f, user) -> Map.of("modifications", Map.of("claimNote", Map.of("value", "矩阵测试")))),
            api(DELETE, "/engine-rest/task/{claimTask}/variables/claimNote", allow(ADMIN)),
            api(GET, "/engine-rest/task/{contributionTask}", allow(SUPPORT_UNIT, OFFICE, LEADER, ADMIN)),
            api(POST, "/engine-rest/task/{contributionTask}/complete", allow(SUPPORT_UNIT, ADMIN))
                    .body((f, user) -> Fixture.CONTRIBUTED)
                    .fresh(),
            api(POST, "/engine-rest/task/{verifyTask}/claim", allow(OFFICE, ADMIN))
                    .body((f, user) -> Map.of("userId", user))
                    .fresh(),
            api(POST, "/engine-rest/task/{verifyTask}/complete", allow(OFFICE, ADMIN))
                    .body((f, user) -> Fixture.INSPECTION_PASSED)
                    .fresh(),
            api(POST, "/engine-rest/task/{closureTask}/complete", allow(LEADER, ADMIN))
                    .body((f, user) -> Fixture.CLOSURE_APPROVED)
                    .fresh(),
            api(GET, "/engine-rest/process-instance?businessKey={code}", allow(OFFICE, LEADER, ADMIN))
                    .list(),
            api(GET, "/engine-rest/process-instance/{pid}", allow(OFFICE, LEADER, ADMIN)),
            api(GET, "/engine-rest/process-instance/{pid}/variables", allow(OFFICE, LEADER, ADMIN)),
            api(PUT, "/engine-rest/process-instance/{pid}/variables/deadlineText", allow(ADMIN))
                    .body((f, user) -> Map.of("value", "2040年12月31日", "type", "String")),
            api(DELETE, "/engine-rest/process-instance/{pid}", allow(ADMIN)).fresh(),
            api(POST, "/engine-rest/process-definition/key/plan-task/start", nobody())
                    .rule(ADMIN)
                    .body((f, user) -> Map.of("businessKey", "MX-BARE-" + unique())),
            api(GET, "/engine-rest/variable-instance?processInstanceIdIn={pid}", allow(OFFICE, LEADER, ADMIN))
                    .list(),
            api(GET, "/engine-rest/history/task?processInstanceId={pid}", allow(OFFICE, LEADER, ADMIN))
                    .list(),
            api(
                            GET,
                            "/engine-rest/history/process-instance?processInstanceBusinessKey={code}",
                            allow(OFFICE, LEADER, ADMIN))
                    .list(),
            api(GET, "/engine-rest/history/variable-instance?processInstanceId={pid}", allow(OFFICE, LEADER, ADMIN))
                    .list(),
            api(GET, "/engine-rest/history/detail?processInstanceId={pid}", allow(OFFICE, LEADER, ADMIN))
                    .list(),
            api(POST, "/engine-rest/identity/verify", nobody())
                    .body((f, user) -> Map.of("username", "matrix-dummy", "password", "guess")),
            api(PUT, "/engine-rest/group/leaders/members/{dummyUser}", allow(ADMIN)),
            api(PUT, "/engine-rest/user/{dummyUser}/credentials", allow(ADMIN))
                    .body((f, user) -> Map.of(
                            "password", "Dummy-Passw0rd-" + unique(), "authenticatedUserPassword", TestUsers.PASSWORD)),
            api(POST, "/engine-rest/authorization/create", allow(ADMIN))
                    .body((f, user) -> Map.of(
                            "type",
                            1,
                            "permissions",
                            List.of("READ"),
                            "groupId",
                            "matrix-probe",
                            "resourceType",
                            1,
                            "resourceId",
                            "matrix-" + unique())),

            // Operations
            api(GET, "/actuator/prometheus", allow(MONITORING, ADMIN)),
            open(GET, "/actuator/health"),

            // The webapps: pages are open, their API needs the login (and the CSRF token for changes)
            open(GET, "/camunda/app/tasklist/default/"),
            open(GET, "/duban/review.html"),
            open(GET, "/duban/upload.html"),
            open(GET, "/duban/annual-plan.html"),
            open(GET, "/duban/projects.html"),
            open(GET, "/duban/meetings.html"),
            webapp(
                            GET,
                            WEBAPP_ENGINE + "/task?processInstanceBusinessKey={code}",
                            allow(LEAD_UNIT, OFFICE, LEADER, ADMIN))
                    .list(),
            webapp(GET, WEBAPP_ENGINE + "/task/{claimTask}", allow(LEAD_UNIT, OFFICE, LEADER, ADMIN)),
            webapp(GET, WEBAPP_ENGINE + "/task/{claimTask}/form-variables", allow(LEAD_UNIT, OFFICE, LEADER, ADMIN)),
            webapp(POST, WEBAPP_ENGINE + "/task/{claimTask}/claim", allow(LEAD_UNIT))
                    .rule(ADMIN)
                    .body((f, user) -> Map.of("userId", user))
                    .fresh(),
            webapp(POST, WEBAPP_ENGINE + "/task/{claimTask}/submit-form", allow(LEAD_UNIT, ADMIN))
                    .body((f, user) -> Fixture.SIGNED)
                    .fresh(),
            webapp(PUT, WEBAPP_ENGINE + "/task/{claimTask}/variables/claimNote", allow(ADMIN))
                    .body((f, user) -> Map.of("value", "矩阵测试", "type", "String")),
            webapp(POST, WEBAPP_ENGINE + "/task/{verifyTask}/submit-form", allow(OFFICE, ADMIN))
                    .body((f, user) -> Fixture.INSPECTION_PASSED)
                    .fresh(),
            webapp(POST, WEBAPP_ENGINE + "/task/{closureTask}/submit-form", allow(LEADER, ADMIN))
                    .body((f, user) -> Fixture.CLOSURE_APPROVED)
                    .fresh(),
            webapp(GET, WEBAPP_ENGINE + "/task/{verifyTask}/attachment", allow(OFFICE, LEADER, ADMIN)),
            webapp(
                            GET,
                            WEBAPP_ENGINE + "/history/variable-instance?processInstanceId={pid}",
                            allow(OFFICE, LEADER, ADMIN))
                    .list(),
            webappWithoutCsrf(POST, WEBAPP_ENGINE + "/task/{claimTask}/claim", nobody())
                    .body((f, user) -> Map.of("userId", user)));

    /** Spring MVC endpoints that are not Duban's; only checked to be closed to anonymous callers. */
    private static final Set<String> FRAMEWORK_ENDPOINTS = Set.of(
            "* /error",
            "GET /v3/api-docs",
            "GET /v3/api-docs.yaml",
            "GET /v3/api-docs/swagger-config",
            "GET /swagger-ui.html");

    @Autowired
    TestRestTemplate rest;

    @Autowired
    TestUsers users;

    @Autowired
    ApplicationContext context;

    @Autowired
    Fixture.Factory fixtures;

    @Test
    void everyRoleGetsWhatItMayAndNothingElse() {
        Map<Role, String> userOf = users();
        Map<Role, WebappSession> sessions = new EnumMap<>(Role.class);
        // The monitoring account has no webapp: its webapp rows are called without a session (refused).
        userOf.forEach((role, user) -> {
            if (role != MONITORING) {
                sessions.put(role, WebappSession.login(rest, user, TestUsers.PASSWORD));
            }
        });
        Fixture shared = fixtures.create(userOf);

        List<String> failures = new ArrayList<>();
        int cells = 0;
        for (Row row : ROWS) {
            for (Role role : Role.values()) {
                Expect expect = row.expect(role);
                Fixture fixture =
                        row.fresh && expect != Expect.DENY && role != ANONYMOUS ? fixtures.create(userOf) : shared;
                String user = userOf.get(role);
                String disagreement = row.disagreesWithPolicy(role, fixture);
                if (disagreement != null) {
                    failures.add(row + " as " + role + ": " + disagreement);
                }
                Http.Response response = call(row, role, user, sessions.get(role), fixture);
                String problem = row.check(role, expect, response);
                if (problem != null) {
                    failures.add(row + " as " + role + ": " + problem + " — " + abbreviate(response.body()));
                }
                cells++;
            }
        }
        System.out.println("security matrix: " + cells + " cells checked");
        assertThat(failures)
                .as("cells that answered otherwise than the matrix says")
                .isEmpty();
    }

    @Test
    void everyEndpointOfDubanIsInTheMatrix() {
        Set<String> classified = new LinkedHashSet<>();
        ROWS.forEach(row -> classified.add(row.method + " " + row.pattern()));
        List<String> missing = new ArrayList<>();
        List<String> anonymousCanCall = new ArrayList<>();
        for (RequestMappingHandlerMapping mapping :
                context.getBeansOfType(RequestMappingHandlerMapping.class).values()) {
            for (Map.Entry<RequestMappingInfo, HandlerMethod> entry :
                    mapping.getHandlerMethods().entrySet()) {
                Set<String> methods =
                        entry.getKey().getMethodsCondition().getMethods().isEmpty()
                                ? Set.of("*")
                                : entry.getKey().getMethodsCondition().getMethods().stream()
                                        .map(Enum::name)
                                        .collect(java.util.stream.Collectors.toSet());
                boolean duban = entry.getValue().getBeanType().getPackageName().startsWith("cn.duban");
                for (String method : methods) {
                    for (String pattern : entry.getKey().getPatternValues()) {
                        String endpoint = method + " " + pattern;
                        if (duban && !classified.contains(endpoint)) {
                            missing.add(endpoint + " ("
                                    + entry.getValue().getBeanType().getSimpleName() + ")");
                        } else if (duban
                                && AccessPolicy.ENTRIES.stream()
                                        .noneMatch(door -> door.door() == AccessPolicy.Door.API
                                                && door.matches(method, pattern.replaceAll("\\{[^}]+}", "x")))) {
                            missing.add(
                                    endpoint + " (not in AccessPolicy.ENTRIES: nobody but administrators may call it)");
                        } else if (!duban && !FRAMEWORK_ENDPOINTS.contains(endpoint)) {
                            missing.add(endpoint + " (framework: "
                                    + entry.getValue().getBeanType().getName() + ")");
                        } else if (!duban
                                && !"*".equals(method)
                                && Http.anonymous(rest).get(pattern).status() != 401) {
                            anonymousCanCall.add(endpoint);
                        }
                    }
                }
            }
        }
        assertThat(missing)
                .as("endpoints without a row in SecurityMatrixIT.ROWS: add one, e.g. "
                        + "api(GET, \"/api/…\", allow(OFFICE, LEADER, ADMIN))")
                .isEmpty();
        assertThat(anonymousCanCall)
                .as("framework endpoints open to anonymous callers")
                .isEmpty();
    }

    static java.util.Set<AccessPolicy.Role> policyRoles(Role role) {
        return switch (role) {
            case LEAD_UNIT, OTHER_UNIT, SUPPORT_UNIT -> java.util.EnumSet.of(AccessPolicy.Role.UNIT);
            case OFFICE -> java.util.EnumSet.of(AccessPolicy.Role.OFFICE);
            case LEADER -> java.util.EnumSet.of(AccessPolicy.Role.LEADER);
            case MONITORING -> java.util.EnumSet.of(AccessPolicy.Role.MONITORING);
            case ADMIN -> java.util.EnumSet.of(AccessPolicy.Role.ADMIN);
            case ANONYMOUS -> java.util.EnumSet.noneOf(AccessPolicy.Role.class);
        };
    }

    private Map<Role, String> users() {
        Map<Role, String> userOf = new EnumMap<>(Role.class);
        userOf.put(LEAD_UNIT, users.member("mx-lead", "ecology-environment"));
        userOf.put(Role.OTHER_UNIT, users.member("mx-other", "finance"));
        userOf.put(SUPPORT_UNIT, users.member("mx-support", "agriculture-rural"));
        userOf.put(OFFICE, users.member("mx-office", DubanGroups.SUPERVISION_OFFICE));
        userOf.put(LEADER, users.member("mx-leader", DubanGroups.LEADERS));
        userOf.put(ADMIN, users.member("mx-admin", DubanGroups.CAMUNDA_ADMIN));
        userOf.put(Role.MONITORING, users.member("mx-monitoring", DubanGroups.MONITORING));
        users.member("matrix-dummy", "finance");
        return userOf;
    }

    private Http.Response call(Row row, Role role, String user, WebappSession session, Fixture fixture) {
        String path = row.resolve(fixture);
        Object body = row.body == null ? null : row.body.apply(fixture, user == null ? "anonymous" : user);
        if (row.door == Door.WEBAPP || row.door == Door.WEBAPP_WITHOUT_CSRF) {
            if (role == ANONYMOUS || session == null) {
                return exchange(rest, row.method, path, body, row.contentType);
            }
            return session.call(row.method, path, body, row.door == Door.WEBAPP);
        }
        TestRestTemplate caller =
                role == ANONYMOUS || row.door == Door.OPEN ? rest : rest.withBasicAuth(user, TestUsers.PASSWORD);
        return exchange(caller, row.method, path, body, row.contentType);
    }

    private static Http.Response exchange(
            TestRestTemplate rest, HttpMethod method, String path, Object body, MediaType contentType) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(contentType);
        headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON, MediaType.ALL));
        // A program, not another site's form: a text/plain upload carries the header such forms cannot send.
        headers.add("X-Requested-With", "SecurityMatrixIT");
        ResponseEntity<String> response = rest.exchange(path, method, new HttpEntity<>(body, headers), String.class);
        return new Http.Response(response.getStatusCode().value(), response.getBody());
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static String abbreviate(String body) {
        return body == null ? "" : body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }

    // ---- the matrix's vocabulary ----

    enum Door {
        API,
        WEBAPP,
        WEBAPP_WITHOUT_CSRF,
        OPEN
    }

    enum Expect {
        ALLOW,
        DENY,
        RULE
    }

    /** Everyone who works with tasks; the monitoring account is not one of them. */
    private static Map<Role, Expect> everyone() {
        return allow(LEAD_UNIT, Role.OTHER_UNIT, SUPPORT_UNIT, OFFICE, LEADER, ADMIN);
    }

    private static Map<Role, Expect> nobody() {
        return allow();
    }

    private static Map<Role, Expect> allow(Role... roles) {
        Map<Role, Expect> expected = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            expected.put(role, Arrays.asList(roles).contains(role) ? Expect.ALLOW : Expect.DENY);
        }
        return expected;
    }

    private static Row api(HttpMethod method, String path, Map<Role, Expect> expected) {
        return new Row(method, path, Door.API, expected);
    }

    private static Row webapp(HttpMethod method, String path, Map<Role, Expect> expected) {
        return new Row(method, path, Door.WEBAPP, expected);
    }

    private static Row webappWithoutCsrf(HttpMethod method, String path, Map<Role, Expect> expected) {
        return new Row(method, path, Door.WEBAPP_WITHOUT_CSRF, expected);
    }

    private static Row open(HttpMethod method, String path) {
        return new Row(method, path, Door.OPEN, everyone());
    }

    /** One endpoint and who may call it. */
    static final class Row {

        private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");
        private static final ObjectMapper JSON = new ObjectMapper();

        final HttpMethod method;
        final String path;
        final Door door;
        final Map<Role, Expect> expected;
        final Map<String, String> renamed = new LinkedHashMap<>();
        BiFunction<Fixture, String, Object> body;
        MediaType contentType = MediaType.APPLICATION_JSON;
        boolean fresh;
        boolean list;

        Row(HttpMethod method, String path, Door door, Map<Role, Expect> expected) {
            this.method = method;
            this.path = path;
            this.door = door;
            this.expected = new EnumMap<>(expected);
        }

        Row body(BiFunction<Fixture, String, Object> body) {
            this.body = body;
            return this;
        }

        Row yaml(BiFunction<Fixture, String, Object> body) {
            this.contentType = MediaType.parseMediaType("application/yaml;charset=UTF-8");
            return body(body);
        }

        /** A multipart upload: the parts by name. */
        Row multipart(BiFunction<Fixture, String, Map<String, Object>> parts) {
            this.contentType = MediaType.MULTIPART_FORM_DATA;
            return body((f, user) -> {
                org.springframework.util.LinkedMultiValueMap<String, Object> body =
                        new org.springframework.util.LinkedMultiValueMap<>();
                parts.apply(f, user).forEach(body::add);
                return body;
            });
        }

        Row text(BiFunction<Fixture, String, Object> body) {
            this.contentType = MediaType.parseMediaType("text/plain;charset=UTF-8");
            return body(body);
        }

        Row alsoAllow(Role... roles) {
            Arrays.stream(roles).forEach(role -> expected.put(role, Expect.ALLOW));
            return this;
        }

        /** Roles the engine lets through but the process's rules refuse (400 or 409). */
        Row rule(Role... roles) {
            Arrays.stream(roles).forEach(role -> expected.put(role, Expect.RULE));
            return this;
        }

        /** An allowed call uses up what it acts on: each allowed role gets a fresh plan. */
        Row fresh() {
            this.fresh = true;
            return this;
        }

        /** A query: allowed means it lists something, refused that it lists nothing (or is refused). */
        Row list() {
            this.list = true;
            return this;
        }

        Row var(String variable, String fixtureKey) {
            renamed.put(variable, fixtureKey);
            return this;
        }

        String pattern() {
            int query = path.indexOf('?');
            return query < 0 ? path : path.substring(0, query);
        }

        Expect expect(Role role) {
            return expected.get(role);
        }

        /**
         * The matrix is checked against {@link AccessPolicy}, the one list the door enforces: a row may not expect a
         * role to get through where the policy refuses it.
         */
        String disagreesWithPolicy(Role role, Fixture fixture) {
            AccessPolicy.Place place = AccessPolicy.place(resolve(fixture).split("\\?")[0]);
            if (place == null || role == ANONYMOUS || door == Door.OPEN || door == Door.WEBAPP_WITHOUT_CSRF) {
                return null;
            }
            boolean allowed = AccessPolicy.allows(policyRoles(role), place.door(), method.name(), place.path());
            return !allowed && expected.get(role) != Expect.DENY
                    ? "the row lets the role through but AccessPolicy refuses it: add it to AccessPolicy.ENTRIES or"
                            + " expect a refusal"
                    : null;
        }

        String resolve(Fixture fixture) {
            Matcher matcher = VARIABLE.matcher(path);
            StringBuilder resolved = new StringBuilder();
            while (matcher.find()) {
                String key = renamed.getOrDefault(matcher.group(1), matcher.group(1));
                String value = fixture.vars.get(key) != null || !fixture.lazy.containsKey(key)
                        ? fixture.vars.get(key)
                        : fixture.vars.computeIfAbsent(
                                key, name -> fixture.lazy.get(name).get());
                if (value == null) {
                    throw new AssertionError(this + ": no value for {" + key + "}; add it to Fixture.vars or rename it"
                            + " with .var(\"" + matcher.group(1) + "\", \"<key of Fixture.vars>\")");
                }
                matcher.appendReplacement(resolved, Matcher.quoteReplacement(value));
            }
            matcher.appendTail(resolved);
            return resolved.toString();
        }

        /** Null when the answer is the expected one, else what is wrong. */
        String check(Role role, Expect expect, Http.Response response) {
            int status = response.status();
            if (door == Door.OPEN) {
                return status >= 200 && status < 300 ? null : "expected 2xx for everyone, got " + status;
            }
            if (role == ANONYMOUS) {
                boolean refused = status == 401 || door == Door.WEBAPP_WITHOUT_CSRF && status == 403;
                return refused ? null : "expected 401, got " + status;
            }
            return switch (expect) {
                case ALLOW ->
                    status >= 200 && status < 300 && (!list || listed(response) > 0)
                            ? null
                            : "expected to be allowed, got " + status + (list ? " listing " + listed(response) : "");
                case DENY ->
                    status == 403
                                    || status == 404
                                    || list && status == 200 && listed(response) == 0
                                    || role == MONITORING && door != Door.API && status == 401
                            ? null
                            : "expected to be refused (403/404" + (list ? " or nothing listed" : "") + "), got "
                                    + status;
                case RULE ->
                    status == 400 || status == 409 ? null : "expected the process to refuse (400/409), got " + status;
            };
        }

        private static int listed(Http.Response response) {
            try {
                JsonNode json = JSON.readTree(response.body());
                return json.isArray() ? json.size() : -1;
            } catch (Exception e) {
                return -1;
            }
        }

        @Override
        public String toString() {
            return door + " " + method + " " + path;
        }
    }
}
