package cn.duban.evidence;

import cn.duban.plan.PlanImporter;
import cn.duban.support.Http;
import cn.duban.support.Jobs;
import cn.duban.support.TestUsers;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * A plan task for the evidence tests: 州生态环境局 leads, 州农业农村局 supports; its steps driven as the people would
 * (signing, contributing, reporting, inspecting) and files uploaded over HTTP.
 */
@Component
public class EvidenceTask {

    public static final String LEAD_UNIT = "ecology-environment";
    public static final String SUPPORT_UNIT = "agriculture-rural";

    private final PlanImporter importer;
    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final Jobs jobs;
    private final TestRestTemplate rest;

    EvidenceTask(
            PlanImporter importer,
            RuntimeService runtimeService,
            TaskService taskService,
            Jobs jobs,
            TestRestTemplate rest) {
        this.importer = importer;
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.jobs = jobs;
        this.rest = rest;
    }

    /** A new plan with one task; returns the task's code. */
    public String dispatch() {
        return dispatch("开展农用地土壤污染状况详查");
    }

    /** A new plan with one task titled {@code title}; returns the task's code. */
    public String dispatch(String title) {
        String plan = "EV-" + UUID.randomUUID().toString().substring(0, 8);
        importer.importPlan("""
                code: %s
                title: 某州2030年土壤污染防治工作方案
                deadline: 2030-12-31
                tasks:
                  - code: %s-01
                    title: %s
                    text: 完成全州农用地土壤污染状况详查，建立详查数据库。
                    leadUnits: 州生态环境局
                    supportUnits: 州农业农村局
                """.formatted(plan, plan, title).getBytes(StandardCharsets.UTF_8), "evidence-test");
        return plan + "-01";
    }

    public String instance(String code) {
        return runtimeService
                .createProcessInstanceQuery()
                .processInstanceBusinessKey(code)
                .singleResult()
                .getId();
    }

    /** The open task of {@code step} (a task definition key). */
    public String open(String code, String step) {
        Task task = taskService
                .createTaskQuery()
                .processInstanceBusinessKey(code)
                .taskDefinitionKey(step)
                .singleResult();
        if (task == null) {
            throw new AssertionError("no open " + step + " for " + code);
        }
        return task.getId();
    }

    public void sign(String code, String user) {
        String claim = open(code, "UserTask_ClaimTask");
        taskService.claim(claim, user);
        taskService.complete(claim, Map.of("responsiblePerson", "张伟", "contactPhone", "0994-2345678"));
        jobs.executeAll(instance(code));
    }

    public void contribute(String code, String user) {
        String task = open(code, "UserTask_Contribute");
        taskService.claim(task, user);
        taskService.complete(task, Map.of("contributionDecision", "contribute", "contribution", "提供农用地分布图"));
        jobs.executeAll(instance(code));
    }

    public void report(String code) {
        taskService.complete(
                open(code, "UserTask_ReportResult"), Map.of("resultDescription", "详查已完成，数据库已建立", "evidence", "见附件"));
        jobs.executeAll(instance(code));
    }

    public Http.Response upload(String user, String taskId, String fileName, byte[] bytes) {
        MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        body.add("file", new ByteArrayResource(bytes) {
            @Override
            public String getFilename() {
                return fileName;
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        headers.setAccept(java.util.List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
        headers.add("X-Requested-With", "EvidenceIT");
        ResponseEntity<String> response = rest.withBasicAuth(user, TestUsers.PASSWORD)
                .exchange(
                        "/api/tasks/" + taskId + "/evidence",
                        HttpMethod.POST,
                        new HttpEntity<>(body, headers),
                        String.class);
        return new Http.Response(response.getStatusCode().value(), response.getBody());
    }

    /** A download as {@code user}: its status and bytes. */
    public ResponseEntity<byte[]> download(String user, String path) {
        return rest.withBasicAuth(user, TestUsers.PASSWORD).getForEntity(path, byte[].class);
    }
}
