package cn.duban.security;

import cn.duban.assessment.Assessments;
import cn.duban.document.Documents;
import cn.duban.plan.PlanImporter;
import cn.duban.plan.intake.PlanIntake;
import cn.duban.support.Http;
import cn.duban.support.Jobs;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A plan imported for the security matrix: one task waiting for its lead unit to sign, one signed and waiting for
 * its support unit, one waiting for inspection, one for closure, and a draft waiting for review.
 */
final class Fixture {

    static final String PLAN_TEXT = """
            某州2030年度大气污染防治工作方案
            一、重点任务
            （一）开展扬尘治理。加强施工工地扬尘管控（牵头单位：州住建局）。
            """;
    static final Map<String, Object> SIGNED =
            Http.variables(Map.of("responsiblePerson", "张伟", "contactPhone", "0994-2345678"));
    static final Map<String, Object> CONTRIBUTED =
            Http.variables(Map.of("contributionDecision", "contribute", "contribution", "落实详查经费"));
    static final Map<String, Object> INSPECTION_PASSED = Http.variables(Map.of("inspectionDecision", "pass"));
    static final Map<String, Object> CLOSURE_APPROVED = Http.variables(Map.of("closureDecision", "approve"));

    /** Values for the path variables of the matrix's rows. */
    final Map<String, String> vars = new LinkedHashMap<>();
    /** Variables made on first use (e.g. an assessment year: there are only so many years). */
    final Map<String, java.util.function.Supplier<String>> lazy = new LinkedHashMap<>();

    Object draftEdit;
    /** The unit 红黄绿灯 table as deployed, for the matrix to deploy again (an identical new version). */
    String lightTableXml;

    static String planYaml(String code) {
        StringBuilder yaml = new StringBuilder("""
                code: %s
                title: 安全矩阵测试计划
                deadline: 2030-12-31
                indicators:
                  - name: 受污染耕地安全利用率
                    unit: "%%"
                    target: "≥98%%"
                    binding: true
                tasks:
                """.formatted(code));
        for (int i = 1; i <= 4; i++) {
            yaml.append("""
                      - code: %s-0%d
                        title: 矩阵测试任务%d
                        text: 开展全州土壤污染状况详查。
                        leadUnits: 州生态环境局
                    """.formatted(code, i, i));
            if (i <= 2) {
                yaml.append("    supportUnits: 州农业农村局\n");
            }
        }
        return yaml.toString();
    }

    /** An evidence file (a real PDF) named {@code name}, as a multipart part. */
    static org.springframework.core.io.ByteArrayResource evidence(String name) {
        return new org.springframework.core.io.ByteArrayResource(cn.duban.evidence.EvidenceSamples.pdf()) {
            @Override
            public String getFilename() {
                return name;
            }
        };
    }

    /** Years for assessments the matrix opens (the assessment tests use 2031 and 2033). */
    static final java.util.concurrent.atomic.AtomicInteger ASSESSMENT_YEARS =
            new java.util.concurrent.atomic.AtomicInteger(2040);

    /** Imports and drives plans as the system, the way the people would have got them there. */
    @Component
    static class Factory {

        private final PlanImporter importer;
        private final PlanIntake intake;
        private final RuntimeService runtimeService;
        private final TaskService taskService;
        private final Jobs jobs;
        private final JdbcClient jdbc;
        private final TestRestTemplate rest;
        private final Assessments assessments;
        private final cn.duban.jointmeeting.JointMeetings meetings;
        private final cn.duban.publicprogress.PublicProgress publicProgress;
        private final cn.duban.majorproject.MajorProjects projects;
        private final Documents documents;

        Factory(
                PlanImporter importer,
                PlanIntake intake,
                RuntimeService runtimeService,
                TaskService taskService,
                Jobs jobs,
                JdbcClient jdbc,
                TestRestTemplate rest,
                Assessments assessments,
                cn.duban.jointmeeting.JointMeetings meetings,
                cn.duban.publicprogress.PublicProgress publicProgress,
                cn.duban.majorproject.MajorProjects projects,
                Documents documents) {
            this.documents = documents;
            this.projects = projects;
            this.publicProgress = publicProgress;
            this.meetings = meetings;
            this.assessments = assessments;
            this.importer = importer;
            this.intake = intake;
            this.runtimeService = runtimeService;
            this.taskService = taskService;
            this.jobs = jobs;
            this.jdbc = jdbc;
            this.rest = rest;
        }

        Fixture create(Map<SecurityMatrixIT.Role, String> userOf) {
            String lead = userOf.get(SecurityMatrixIT.Role.LEAD_UNIT);
            String planCode = "MX-" + UUID.randomUUID().toString().substring(0, 8);
            importer.importPlan(planYaml(planCode).getBytes(StandardCharsets.UTF_8), "matrix");
            Fixture fixture = new Fixture();
            fixture.vars.put("planCode", planCode);
            // A unit whose robots and contacts the matrix may set (to nothing): no test reaches it.
            fixture.vars.put("quietUnit", "region-agriculture-rural");
            fixture.vars.put("lightTable", "unit-traffic-light");
            try (java.io.InputStream table = Fixture.class.getResourceAsStream("/processes/unit-traffic-light.dmn")) {
                fixture.lightTableXml = new String(table.readAllBytes(), StandardCharsets.UTF_8);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
            fixture.vars.put("code", planCode + "-01");
            fixture.vars.put("pid", instance(planCode + "-01"));
            fixture.vars.put("claimTask", openTask(planCode + "-01").getId());

            sign(planCode + "-02", lead);
            fixture.vars.put("contributionTask", openTask(planCode + "-02").getId());

            String toVerify = instance(planCode + "-03");
            sign(planCode + "-03", lead);
            jobs.executeAll(toVerify);
            // The lead unit attaches its report's evidence, which is part of the record once the report is in.
            fixture.vars.put(
                    "evidenceId", attach(lead, openTask(planCode + "-03").getId()));
            taskService.complete(
                    openTask(planCode + "-03").getId(), Map.of("resultDescription", "完成详查", "evidence", "详查报告.pdf"));
            fixture.vars.put("verifyTask", openTask(planCode + "-03").getId());

            String toClose = instance(planCode + "-04");
            sign(planCode + "-04", lead);
            jobs.executeAll(toClose);
            taskService.complete(
                    openTask(planCode + "-04").getId(), Map.of("resultDescription", "完成详查", "evidence", "详查报告.pdf"));
            taskService.complete(openTask(planCode + "-04").getId(), Map.of("inspectionDecision", "pass"));
            fixture.vars.put("closureTask", openTask(planCode + "-04").getId());

            String draftId = intake.start(
                            PLAN_TEXT,
                            "matrix.txt",
                            "MXD-" + UUID.randomUUID().toString().substring(0, 8))
                    .processInstanceId();
            fixture.vars.put("draftId", draftId);
            fixture.draftEdit = Http.as(rest, userOf.get(SecurityMatrixIT.Role.OFFICE))
                    .get("/api/plan-drafts/" + draftId)
                    .json();

            fixture.vars.put(
                    "id",
                    String.valueOf(jdbc.sql("""
                            select max(id) from duban.notification where recipient = ? and channel = 'INBOX'""").param(lead).query(Long.class).single()));
            long indicator = jdbc.sql("""
                            select i.id from duban.plan_indicator i join duban.plan p on p.id = i.plan_id
                            where p.code = ?""").param(planCode).query(Long.class).single();
            fixture.vars.put("indicatorId", String.valueOf(indicator));
            Http.Response assigned = Http.as(rest, userOf.get(SecurityMatrixIT.Role.OFFICE))
                    .putJson("/api/indicators/" + indicator + "/lead-unit", Map.of("unitId", "ecology-environment"));
            if (assigned.status() != 200) {
                throw new IllegalStateException("the fixture's indicator was not assigned: " + assigned);
            }
            fixture.vars.put(
                    "documentId",
                    String.valueOf(documents.ofTask(planCode + "-01").get(0).id()));
            fixture.vars.put("year", "2099");
            fixture.lazy.put(
                    "meetingCode",
                    () -> meetings.record(
                                    new cn.duban.jointmeeting.JointMeetingRecord(
                                            "矩阵测试会议",
                                            "2026-01-05",
                                            java.util.List.of("州生态环境局"),
                                            "纪要",
                                            java.util.List.of(new cn.duban.jointmeeting.JointMeetingRecord.Decision(
                                                    "事项", null, java.util.List.of("州生态环境局"), null, "2030-12-31"))),
                                    "matrix")
                            .code());
            fixture.vars.put("publicPlanCode", planCode);
            fixture.lazy.put(
                    "projectCode",
                    () -> projects.add(
                                    java.util.List.of(new cn.duban.majorproject.MajorProjectEntry(
                                            planCode + "-P",
                                            "矩阵测试工程",
                                            "州生态环境局",
                                            "昌吉市",
                                            java.math.BigDecimal.TEN,
                                            "2026-01-01",
                                            "2027-12-31",
                                            null,
                                            null)),
                                    "matrix",
                                    null)
                            .get(0)
                            .code());
            publicProgress.publish(planCode, java.util.List.of(), "matrix");
            // Assessment years of the fixture's plan only (no task of theirs falls in them), opened when a row needs
            // one.
            fixture.lazy.put("assessmentYear", () -> {
                int open = ASSESSMENT_YEARS.getAndIncrement();
                assessments.open(open, java.util.List.of(planCode), null, "matrix");
                return String.valueOf(open);
            });
            fixture.lazy.put("scoredYear", () -> {
                int scored = ASSESSMENT_YEARS.getAndIncrement();
                assessments.open(scored, java.util.List.of(planCode), null, "matrix");
                assessments.close(scored);
                return String.valueOf(scored);
            });
            fixture.vars.put("dummyUser", "matrix-dummy");
            fixture.vars.put("leadUnit", "ecology-environment");
            return fixture;
        }

        private String attach(String user, String taskId) {
            org.springframework.util.LinkedMultiValueMap<String, Object> body =
                    new org.springframework.util.LinkedMultiValueMap<>();
            body.add("file", evidence("详查报告.pdf"));
            org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
            headers.setContentType(org.springframework.http.MediaType.MULTIPART_FORM_DATA);
            headers.add("X-Requested-With", "SecurityMatrixIT");
            org.springframework.http.ResponseEntity<java.util.Map> answer = rest.withBasicAuth(
                            user, cn.duban.support.TestUsers.PASSWORD)
                    .postForEntity(
                            "/api/tasks/" + taskId + "/evidence",
                            new org.springframework.http.HttpEntity<>(body, headers),
                            java.util.Map.class);
            if (answer.getStatusCode().value() != 201) {
                throw new IllegalStateException("the fixture's evidence was not attached: " + answer);
            }
            return String.valueOf(answer.getBody().get("id"));
        }

        private void sign(String taskCode, String lead) {
            Task claim = openTask(taskCode);
            taskService.claim(claim.getId(), lead);
            taskService.complete(claim.getId(), Map.of("responsiblePerson", "张伟", "contactPhone", "0994-2345678"));
        }

        private String instance(String taskCode) {
            return runtimeService
                    .createProcessInstanceQuery()
                    .processInstanceBusinessKey(taskCode)
                    .singleResult()
                    .getId();
        }

        /** The one open task: the lead unit's, the support unit's once the lead has signed, inspection, closure. */
        private Task openTask(String taskCode) {
            Task task = taskService
                    .createTaskQuery()
                    .processInstanceBusinessKey(taskCode)
                    .singleResult();
            if (task == null) {
                throw new AssertionError("no open task for " + taskCode);
            }
            return task;
        }
    }
}
