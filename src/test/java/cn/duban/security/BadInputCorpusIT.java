package cn.duban.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.identity.DubanGroups;
import cn.duban.support.DubanTest;
import cn.duban.support.Http;
import cn.duban.support.TestUsers;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.InputStreamEntity;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Hostile and broken input at every entry point: import files (huge, binary, wrongly encoded, deeply nested, alias
 * bombs, injection strings), plan texts, units, the calendar, urges, extension requests, malformed JSON, wrong
 * content types and form values out of range when completing tasks through the engine REST API, Camunda's password
 * oracle at every address, and addresses written to lead elsewhere (encoded, doubled slashes, path parameters). Each
 * must be refused with a 4xx and a Chinese explanation that names no Java class and shows nothing of the engine, and
 * leave every table as it was.
 */
@DubanTest
class BadInputCorpusIT {

    private static final Pattern CHINESE = Pattern.compile("\\p{IsHan}");
    /** Java class names, Camunda's message codes and tables, the server's name: nothing a user should read. */
    private static final Pattern INTERNALS = Pattern.compile("\\b(?:java|javax|jakarta|org|com|sun|cn)\\.[a-z]\\w*\\."
            + "|\\b[A-Z]\\w*(?:Exception|Error)\\b|\\bENGINE-\\d{5}|(?i:\\bact_(?:ru|hi|re|ge|id)_\\w+)|Tomcat"
            + "|\\bat [a-z]+\\.[a-z]");

    private static final MediaType YAML = MediaType.parseMediaType("application/yaml;charset=UTF-8");
    private static final MediaType TEXT = MediaType.parseMediaType("text/plain;charset=UTF-8");
    /** Sent by programs, never by another site's form: bodies such a form could send are accepted with it. */
    private static final String PROGRAM = "X-Requested-With";

    private static final int MB = 1024 * 1024;

    @Autowired
    TestRestTemplate rest;

    @Autowired
    TestUsers users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Fixture.Factory fixtures;

    @LocalServerPort
    int port;

    private String office;
    private String lead;
    private Fixture fixture;

    @Test
    void everyHostileInputIsRefusedWithAChineseReasonAndChangesNothing() throws IOException {
        office = users.member("bad-office", DubanGroups.SUPERVISION_OFFICE);
        lead = users.member("bad-lead", "ecology-environment");
        Map<SecurityMatrixIT.Role, String> userOf = new EnumMap<>(SecurityMatrixIT.Role.class);
        userOf.put(SecurityMatrixIT.Role.LEAD_UNIT, lead);
        userOf.put(SecurityMatrixIT.Role.OFFICE, office);
        fixture = fixtures.create(userOf);

        List<Case> corpus = new ArrayList<>();
        planImports(corpus);
        planTexts(corpus);
        units(corpus);
        calendar(corpus);
        urges(corpus);
        extensionRequests(corpus);
        drafts(corpus);
        taskForms(corpus);
        logins(corpus);
        addresses(corpus);

        List<String> failures = new ArrayList<>();
        for (Case hostile : corpus) {
            Map<String, String> before = fingerprint();
            Http.Response response = hostile.send().apply(this);
            Map<String, String> after = fingerprint();
            String problem = hostile.problemWith(response);
            if (problem == null && !after.equals(before)) {
                problem = "changed " + changed(before, after);
            }
            if (problem != null) {
                failures.add(hostile.name() + ": " + problem + " — " + abbreviate(response.body()));
            }
        }
        System.out.println("bad-input corpus: " + corpus.size() + " cases");
        assertThat(failures).as("hostile inputs not refused cleanly").isEmpty();
    }

    // ---- the corpus ----

    private void planImports(List<Case> corpus) {
        String good = Fixture.planYaml("BAD-PLAN");
        corpus.add(yaml("import: a file over 5 MB", 413, good + "#" + "x".repeat(6 * MB) + "\n"));
        corpus.add(yaml("import: binary garbage", 400, random(4096)));
        corpus.add(yaml(
                "import: GBK bytes declared as UTF-8",
                400,
                good.replace("安全矩阵测试计划", "土壤污染防治工作方案").getBytes(Charset.forName("GBK"))));
        corpus.add(yaml("import: empty file", 400, ""));
        corpus.add(yaml("import: only whitespace", 400, "  \n\t\n"));
        corpus.add(yaml("import: deeply nested flow sequences", 400, "code: " + "[".repeat(100_000)));
        corpus.add(yaml("import: deeply nested mappings", 400, nestedMappings(1_000)));
        corpus.add(yaml("import: billion laughs (alias bomb)", 400, billionLaughs()));
        corpus.add(yaml(
                "import: alias in place of a title",
                400,
                "base: &t 标题\n" + good.replace("title: 安全矩阵测试计划", "title: *t")));
        corpus.add(yaml(
                "import: SQL injection in a unit name",
                400,
                good.replace("leadUnits: 州生态环境局", "leadUnits: \"州环保局'); drop table duban.plan; --\"")));
        corpus.add(yaml(
                "import: SQL injection in a plan code",
                400,
                good.replace("code: BAD-PLAN\n", "code: \"BAD' OR '1'='1\"\n")));
        corpus.add(yaml(
                "import: HTML in a unit name",
                400,
                good.replace("supportUnits: 州农业农村局", "supportUnits: <img src=x onerror=alert(1)>")));
        corpus.add(yaml(
                "import: HTML in a title",
                400,
                good.replace("title: 安全矩阵测试计划", "title: \"<script>alert('督办')</script>\"")));
        corpus.add(yaml(
                "import: HTML in a task's text",
                400,
                good.replaceFirst("text: 开展全州土壤污染状况详查。", "text: \"<iframe src=//evil.example>\"")));
        corpus.add(yaml(
                "import: a NUL character in the title", 400, good.replace("title: 安全矩阵测试计划", "title: \"安全\\0计划\"")));
        corpus.add(yaml("import: unknown unit", 400, good.replace("leadUnits: 州生态环境局", "leadUnits: 州火星局")));
        corpus.add(yaml("import: impossible date", 400, good.replace("deadline: 2030-12-31", "deadline: 2030-02-30")));
        corpus.add(yaml(
                "import: deadline before the plan was issued",
                400,
                good.replace("deadline: 2030-12-31", "issuedOn: 2030-06-01\ndeadline: 2001-01-01")));
        corpus.add(yaml(
                "import: a title of 10,000 characters",
                400,
                good.replace("title: 安全矩阵测试计划", "title: " + "很长".repeat(5000))));
        corpus.add(yaml("import: an indicator name of 1,000 characters", 400, good + """
                indicators:
                  - name: %s
                    binding: true
                """.formatted("指标".repeat(500))));
        corpus.add(yaml(
                "import: a target of 1,000 characters",
                400,
                good.replaceFirst(
                        "leadUnits: 州生态环境局\n",
                        "leadUnits: 州生态环境局\n    targets: [{phrase: %s}]\n".formatted("目标".repeat(500)))));
        corpus.add(yaml("import: unknown field", 400, good.replace("title: 安全矩阵测试计划", "title: 安全矩阵测试计划\nowner: 张三")));
        corpus.add(yaml(
                "import: a mapping where a text belongs", 400, good.replace("title: 安全矩阵测试计划", "title: {zh: 计划}")));
        corpus.add(yaml("import: the same task twice", 400, good.replace("-02\n", "-01\n")));
        corpus.add(yaml("import: ten thousand tasks", 400, manyTasks(10_000)));
        corpus.add(request(
                "import: JSON instead of YAML",
                415,
                HttpMethod.POST,
                "/api/plans",
                office,
                MediaType.APPLICATION_JSON,
                "{\"code\":\"X\"}"));
        corpus.add(request(
                "import: no content type",
                415,
                HttpMethod.POST,
                "/api/plans",
                office,
                null,
                good.getBytes(StandardCharsets.UTF_8)));
        corpus.add(multipart(
                "import: multipart without the file part",
                400,
                "/api/plans",
                "other",
                "plan.yaml",
                good.getBytes(StandardCharsets.UTF_8)));
        corpus.add(multipart(
                "import: multipart with a file over 5 MB", 413, "/api/plans", "file", "plan.yaml", new byte[6 * MB]));
        corpus.add(multipart(
                "import: multipart with a binary file", 400, "/api/plans", "file", "plan.yaml", random(2048)));
        corpus.add(chunked(
                "import: a body of 6 MB without a declared length", 413, "/api/plans", "application/yaml", 6 * MB));
    }

    private void planTexts(List<Case> corpus) throws IOException {
        corpus.add(request("text: empty body", 400, HttpMethod.POST, "/api/plan-drafts", office, TEXT, new byte[0]));
        corpus.add(request("text: binary", 400, HttpMethod.POST, "/api/plan-drafts", office, TEXT, random(4096)));
        corpus.add(request(
                "text: over 5 MB",
                413,
                HttpMethod.POST,
                "/api/plan-drafts",
                office,
                TEXT,
                "（一）测试（牵头单位：州环保局）。".repeat(MB / 8).getBytes(StandardCharsets.UTF_8)));
        corpus.add(request(
                "text: UTF-16 (wrong encoding)",
                400,
                HttpMethod.POST,
                "/api/plan-drafts",
                office,
                TEXT,
                Fixture.PLAN_TEXT.getBytes(StandardCharsets.UTF_16LE)));
        corpus.add(request(
                "text: Shift_JIS (wrong encoding)",
                400,
                HttpMethod.POST,
                "/api/plan-drafts",
                office,
                TEXT,
                "土壌汚染対策の実施計画について、関係部局は速やかに対応すること。".getBytes(Charset.forName("Shift_JIS"))));
        corpus.add(request(
                "text: no task in it",
                400,
                HttpMethod.POST,
                "/api/plan-drafts",
                office,
                TEXT,
                "今天天气很好，我们去公园散步。".getBytes(StandardCharsets.UTF_8)));
        corpus.add(request(
                "text: JSON content type",
                415,
                HttpMethod.POST,
                "/api/plan-drafts",
                office,
                MediaType.APPLICATION_JSON,
                "{\"text\":\"计划\"}"));
        corpus.add(multipart(
                "text: a .docx that is not a zip",
                400,
                "/api/plan-drafts",
                "file",
                "plan.docx",
                "PK this is not a zip".getBytes(StandardCharsets.UTF_8)));
        corpus.add(multipart("text: a .docx zip bomb", 400, "/api/plan-drafts", "file", "plan.docx", zipBomb()));
        corpus.add(multipart("text: an old .doc", 400, "/api/plan-drafts", "file", "plan.doc", random(512)));
        corpus.add(multipart("text: an empty file", 400, "/api/plan-drafts", "file", "plan.txt", new byte[0]));
        corpus.add(multipart(
                "text: multipart without the file part",
                400,
                "/api/plan-drafts",
                "text",
                "plan.txt",
                Fixture.PLAN_TEXT.getBytes(StandardCharsets.UTF_8)));
        corpus.add(multipart("text: an image named .txt", 400, "/api/plan-drafts", "file", "plan.txt", new byte[] {
            (byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, 'I', 'H', 'D', 'R'
        }));
    }

    private void units(List<Case> corpus) {
        corpus.add(json("unit: malformed JSON", 400, HttpMethod.POST, "/api/units", office, "{\"name\": "));
        corpus.add(json("unit: empty body", 400, HttpMethod.POST, "/api/units", office, ""));
        corpus.add(json("unit: an array", 400, HttpMethod.POST, "/api/units", office, "[{\"name\":\"州测试局\"}]"));
        corpus.add(json("unit: no name", 400, HttpMethod.POST, "/api/units", office, "{\"kind\":\"DEPARTMENT\"}"));
        corpus.add(json(
                "unit: a name of 101 characters",
                400,
                HttpMethod.POST,
                "/api/units",
                office,
                "{\"name\":\"" + "局".repeat(101) + "\"}"));
        corpus.add(json(
                "unit: a name that is an object",
                400,
                HttpMethod.POST,
                "/api/units",
                office,
                "{\"name\":{\"zh\":\"州测试局\"}}"));
        corpus.add(json(
                "unit: SQL injection in the id",
                400,
                HttpMethod.POST,
                "/api/units",
                office,
                "{\"id\":\"x'; drop table duban.unit; --\",\"name\":\"州注入测试局\"}"));
        corpus.add(json(
                "unit: HTML in the name",
                400,
                HttpMethod.POST,
                "/api/units",
                office,
                "{\"name\":\"<script>alert(1)</script>\"}"));
        corpus.add(json(
                "unit: control characters in the name",
                400,
                HttpMethod.POST,
                "/api/units",
                office,
                "{\"name\":\"州测试\\u0000局\"}"));
        corpus.add(json(
                "unit: unknown kind",
                400,
                HttpMethod.POST,
                "/api/units",
                office,
                "{\"name\":\"州种类测试局\",\"kind\":\"GALAXY\"}"));
        corpus.add(
                json("unit: a name that exists", 409, HttpMethod.POST, "/api/units", office, "{\"name\":\"州生态环境局\"}"));
        corpus.add(request("unit: text/plain", 415, HttpMethod.POST, "/api/units", office, TEXT, "州测试局"));
    }

    private void calendar(List<Case> corpus) {
        corpus.add(json("calendar: a year that is no number", 400, HttpMethod.PUT, "/api/calendar/abc", office, "[]"));
        corpus.add(json("calendar: year 99999", 400, HttpMethod.PUT, "/api/calendar/99999", office, "[]"));
        corpus.add(json(
                "calendar: an object instead of a list",
                400,
                HttpMethod.PUT,
                "/api/calendar/2026",
                office,
                "{\"day\":\"2026-10-01\"}"));
        corpus.add(json(
                "calendar: malformed JSON",
                400,
                HttpMethod.PUT,
                "/api/calendar/2026",
                office,
                "[{\"day\":\"2026-10-01\","));
        corpus.add(json(
                "calendar: an impossible date",
                400,
                HttpMethod.PUT,
                "/api/calendar/2026",
                office,
                "[{\"day\":\"2026-02-30\",\"working\":false}]"));
        corpus.add(json(
                "calendar: a day of another year",
                400,
                HttpMethod.PUT,
                "/api/calendar/2026",
                office,
                "[{\"day\":\"2027-01-01\",\"working\":false}]"));
        corpus.add(json(
                "calendar: a day twice",
                400,
                HttpMethod.PUT,
                "/api/calendar/2026",
                office,
                "[{\"day\":\"2026-10-01\",\"working\":false},{\"day\":\"2026-10-01\",\"working\":false}]"));
        corpus.add(json(
                "calendar: working is no boolean",
                400,
                HttpMethod.PUT,
                "/api/calendar/2026",
                office,
                "[{\"day\":\"2026-10-01\",\"working\":\"sometimes\"}]"));
        corpus.add(json(
                "calendar: a name of 51 characters",
                400,
                HttpMethod.PUT,
                "/api/calendar/2026",
                office,
                "[{\"day\":\"2026-10-01\",\"working\":false,\"name\":\"" + "节".repeat(51) + "\"}]"));
        corpus.add(json("calendar: a null entry", 400, HttpMethod.PUT, "/api/calendar/2026", office, "[null]"));
        corpus.add(request(
                "calendar: XML",
                415,
                HttpMethod.PUT,
                "/api/calendar/2026",
                office,
                MediaType.APPLICATION_XML,
                "<days/>"));
        corpus.add(request(
                "calendar: YAML with a day that is no date",
                400,
                HttpMethod.PUT,
                "/api/calendar/2026",
                office,
                YAML,
                "- day: x"));
        corpus.add(json(
                "calendar: a NUL character in a name",
                400,
                HttpMethod.PUT,
                "/api/calendar/2099",
                office,
                "[{\"day\":\"2099-10-01\",\"working\":false,\"name\":\"国庆\\u0000节\"}]"));
    }

    private void urges(List<Case> corpus) {
        String urges = "/api/plan-tasks/" + fixture.vars.get("code") + "/urges";
        corpus.add(json("urge: empty message", 400, HttpMethod.POST, urges, office, "{\"message\":\"\"}"));
        corpus.add(json("urge: blank message", 400, HttpMethod.POST, urges, office, "{\"message\":\"   \"}"));
        corpus.add(json("urge: no message", 400, HttpMethod.POST, urges, office, "{}"));
        corpus.add(json(
                "urge: a message of 501 characters",
                400,
                HttpMethod.POST,
                urges,
                office,
                "{\"message\":\"" + "催".repeat(501) + "\"}"));
        corpus.add(json(
                "urge: a message of 1 MB",
                400,
                HttpMethod.POST,
                urges,
                office,
                "{\"message\":\"" + "催".repeat(MB / 3) + "\"}"));
        corpus.add(
                json("urge: a message that is a number", 400, HttpMethod.POST, urges, office, "{\"message\":[1,2,3]}"));
        corpus.add(json(
                "urge: a NUL character in the message",
                400,
                HttpMethod.POST,
                urges,
                office,
                "{\"message\":\"请\\u0000尽快\"}"));
        corpus.add(json("urge: malformed JSON", 400, HttpMethod.POST, urges, office, "{\"message\":\"请尽快"));
        corpus.add(json(
                "urge: an unknown task",
                404,
                HttpMethod.POST,
                "/api/plan-tasks/NO-SUCH-TASK/urges",
                office,
                "{\"message\":\"请尽快办理\"}"));
        corpus.add(json(
                "urge: SQL injection in the task code",
                404,
                HttpMethod.POST,
                "/api/plan-tasks/x' or '1'='1/urges",
                office,
                "{\"message\":\"请尽快办理\"}"));
        corpus.add(request(
                "urge: form-encoded",
                415,
                HttpMethod.POST,
                urges,
                office,
                MediaType.APPLICATION_FORM_URLENCODED,
                "message=x"));
    }

    private void extensionRequests(List<Case> corpus) {
        String extension = "/api/plan-tasks/" + fixture.vars.get("code") + "/extension-requests";
        corpus.add(json(
                "extension: a date that is no date",
                400,
                HttpMethod.POST,
                extension,
                lead,
                "{\"newDeadline\":\"明年\",\"reason\":\"需要更多时间\"}"));
        corpus.add(json(
                "extension: an impossible date",
                400,
                HttpMethod.POST,
                extension,
                lead,
                "{\"newDeadline\":\"2031-02-30\",\"reason\":\"需要更多时间\"}"));
        corpus.add(json(
                "extension: a date in the past",
                400,
                HttpMethod.POST,
                extension,
                lead,
                "{\"newDeadline\":\"2001-01-01\",\"reason\":\"需要更多时间\"}"));
        corpus.add(json(
                "extension: no reason", 400, HttpMethod.POST, extension, lead, "{\"newDeadline\":\"2031-06-30\"}"));
        corpus.add(json(
                "extension: a reason of 2,001 characters",
                400,
                HttpMethod.POST,
                extension,
                lead,
                "{\"newDeadline\":\"2031-06-30\",\"reason\":\"" + "因".repeat(2001) + "\"}"));
        corpus.add(json(
                "extension: a NUL character in the reason",
                400,
                HttpMethod.POST,
                extension,
                lead,
                "{\"newDeadline\":\"2031-06-30\",\"reason\":\"需要\\u0000时间\"}"));
        corpus.add(json("extension: a list", 400, HttpMethod.POST, extension, lead, "[\"2031-06-30\"]"));
        corpus.add(json("extension: malformed JSON", 400, HttpMethod.POST, extension, lead, "{\"newDeadline\":"));
        corpus.add(json(
                "extension: an unknown task",
                404,
                HttpMethod.POST,
                "/api/plan-tasks/NO-SUCH-TASK/extension-requests",
                lead,
                "{\"newDeadline\":\"2031-06-30\",\"reason\":\"需要更多时间\"}"));
    }

    private void drafts(List<Case> corpus) {
        String draft = "/api/plan-drafts/" + fixture.vars.get("draftId");
        corpus.add(json("draft: malformed JSON", 400, HttpMethod.PUT, draft, office, "{\"planCode\":"));
        corpus.add(json("draft: tasks that are no list", 400, HttpMethod.PUT, draft, office, "{\"tasks\":\"全部\"}"));
        corpus.add(json(
                "draft: submitted with an unknown unit and no deadline",
                400,
                HttpMethod.POST,
                draft + "/submission",
                office,
                "{\"planCode\":\"BAD-DRAFT\",\"planTitle\":\"计划\",\"tasks\":[{\"title\":\"任务\",\"text\":\"内容\","
                        + "\"leadUnits\":\"州火星局\"}]}"));
        corpus.add(
                json("draft: an unknown draft", 404, HttpMethod.GET, "/api/plan-drafts/no-such-draft", office, null));
    }

    private void taskForms(List<Case> corpus) {
        String claim = "/engine-rest/task/" + fixture.vars.get("claimTask") + "/complete";
        String verify = "/engine-rest/task/" + fixture.vars.get("verifyTask") + "/complete";
        String closure = "/engine-rest/task/" + fixture.vars.get("closureTask") + "/complete";
        corpus.add(engine("form: no responsible person", 400, lead, claim, Map.of("contactPhone", "0994-2345678")));
        corpus.add(engine(
                "form: a phone number that is none",
                400,
                lead,
                claim,
                Map.of("responsiblePerson", "张伟", "contactPhone", "call me")));
        corpus.add(engine(
                "form: a responsible person of 51 characters",
                400,
                lead,
                claim,
                Map.of("responsiblePerson", "张".repeat(51), "contactPhone", "0994-2345678")));
        corpus.add(engine("form: a return without a reason", 400, lead, claim, Map.of("claimDecision", "return")));
        corpus.add(engine(
                "form: an unknown inspection decision", 400, office, verify, Map.of("inspectionDecision", "maybe")));
        corpus.add(engine(
                "form: a rectification deadline in the past",
                400,
                office,
                verify,
                Map.of(
                        "inspectionDecision",
                        "rectify",
                        "inspectionOpinion",
                        "缺少报告",
                        "rectificationDeadline",
                        "2001-01-01")));
        corpus.add(engine(
                "form: an impossible rectification deadline",
                400,
                office,
                verify,
                Map.of(
                        "inspectionDecision",
                        "rectify",
                        "inspectionOpinion",
                        "缺少报告",
                        "rectificationDeadline",
                        "2031-02-30")));
        corpus.add(engine(
                "form: a rectification deadline that is no date",
                400,
                office,
                verify,
                Map.of("inspectionDecision", "rectify", "inspectionOpinion", "缺少报告", "rectificationDeadline", "下周")));
        corpus.add(engine(
                "form: an unknown closure decision",
                400,
                users.member("bad-leader", DubanGroups.LEADERS),
                closure,
                Map.of("closureDecision", "perhaps")));
        corpus.add(request(
                "form: a value that does not fit its type",
                400,
                HttpMethod.POST,
                claim,
                lead,
                MediaType.APPLICATION_JSON,
                "{\"variables\":{\"responsiblePerson\":{\"value\":\"abc\",\"type\":\"Integer\"}}}"));
        corpus.add(request(
                "form: malformed JSON",
                400,
                HttpMethod.POST,
                claim,
                lead,
                MediaType.APPLICATION_JSON,
                "{\"variables\":{\"responsiblePerson\":"));
        corpus.add(request(
                "form: variables that are a list",
                400,
                HttpMethod.POST,
                claim,
                lead,
                MediaType.APPLICATION_JSON,
                "{\"variables\":[1,2]}"));
        corpus.add(request("form: text/plain", 415, HttpMethod.POST, claim, lead, TEXT, "responsiblePerson=张伟"));
        corpus.add(request(
                "form: a body over 5 MB",
                413,
                HttpMethod.POST,
                claim,
                lead,
                MediaType.APPLICATION_JSON,
                "{\"variables\":{\"responsiblePerson\":{\"value\":\"" + "张".repeat(2 * MB) + "\"}}}"));
        corpus.add(request(
                "form: an unknown task",
                404,
                HttpMethod.POST,
                "/engine-rest/task/no-such-task/complete",
                lead,
                MediaType.APPLICATION_JSON,
                "{\"variables\":{}}"));
        corpus.add(request(
                "form: claim for a user who does not exist",
                400,
                HttpMethod.POST,
                "/engine-rest/task/" + fixture.vars.get("claimTask") + "/claim",
                lead,
                MediaType.APPLICATION_JSON,
                "{\"userId\":\"nobody-at-all\"}"));
        corpus.add(engine(
                "form: a NUL character in the responsible person",
                400,
                lead,
                claim,
                Map.of("responsiblePerson", "张\u0000伟", "contactPhone", "0994-2345678")));
        corpus.add(request(
                "form: claim for another unit's user",
                400,
                HttpMethod.POST,
                "/engine-rest/task/" + fixture.vars.get("claimTask") + "/claim",
                lead,
                MediaType.APPLICATION_JSON,
                "{\"userId\":\"" + users.member("bad-finance", "finance") + "\"}"));
        // Units set no variable outside a completion: refused before the value is even read.
        corpus.add(request(
                "form: a variable named with injection",
                403,
                HttpMethod.PUT,
                "/engine-rest/task/" + fixture.vars.get("claimTask") + "/variables/x",
                lead,
                MediaType.APPLICATION_JSON,
                "{\"value\":\"1\",\"type\":\"NoSuchType\"}"));
    }

    private void logins(List<Case> corpus) {
        corpus.add(new Case("login: a form over 16 KB", 400, test -> {
            HttpHeaders headers = new HttpHeaders();
            headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
            ResponseEntity<String> response = test.rest.postForEntity(
                    "/camunda/api/admin/auth/user/default/login/tasklist",
                    new HttpEntity<>("username=" + "a".repeat(20_000) + "&password=x", headers),
                    String.class);
            return new Http.Response(response.getStatusCode().value(), response.getBody());
        }));
    }

    /** Doors that check passwords outside a login, and addresses written so that they lead elsewhere. */
    private void addresses(List<Case> corpus) {
        String guess = "{\"username\":\"" + office + "\",\"password\":\"" + TestUsers.PASSWORD + "\"}";
        corpus.add(raw(
                "verify: the engine-named alias", 403, "POST", "/engine-rest/engine/default/identity/verify", guess));
        corpus.add(raw("verify: with a trailing slash", 403, "POST", "/engine-rest/identity/verify/", guess));
        corpus.add(raw(
                "verify: the alias with a trailing slash",
                403,
                "POST",
                "/engine-rest/engine/default/identity/verify/",
                guess));
        corpus.add(raw("verify: percent-encoded", 400, "POST", "/%65ngine-rest/identity/verify", guess));
        corpus.add(raw("verify: percent-encoded inside", 403, "POST", "/engine-rest/%69dentity/verify", guess));
        corpus.add(raw("verify: with a path parameter", 400, "POST", "/engine-rest/identity/verify;x=1", guess));
        corpus.add(raw("address: encoded dots", 400, "GET", "/api/%2e%2e/plans", null));
        corpus.add(raw("address: a double slash", 400, "GET", "/api//me", null));
        corpus.add(raw("address: an encoded slash", 400, "GET", "/api%2Fplans", null));
        corpus.add(raw("address: an encoded percent sign", 400, "GET", "/api/plans/%25", null));
        corpus.add(raw("address: a session id in the path", 400, "GET", "/api/me;jsessionid=0123", null));
        corpus.add(raw("address: an encoded NUL", 400, "GET", "/api/me%00", null));
        corpus.add(raw("address: the engine API percent-encoded", 400, "GET", "/%65ngine-rest/task", null));
        corpus.add(raw(
                "address: a task completed at a percent-encoded address",
                400,
                "POST",
                "/%65ngine-rest/task/" + fixture.vars.get("claimTask") + "/complete",
                "{\"variables\":{}}"));
        corpus.add(raw(
                "login: the webapps' login at a percent-encoded address",
                400,
                "POST",
                "/camunda/api/%61dmin/auth/user/default/login/tasklist",
                null));
        corpus.add(raw(
                "login: the webapps' login after a double slash",
                400,
                "POST",
                "/camunda//api/admin/auth/user/default/login/tasklist",
                null));
    }

    // ---- how cases are sent ----

    /** The address exactly as written (no client re-encodes it), as the lead unit. */
    private Case raw(String name, int status, String method, String address, String json) {
        return new Case(name, status, test -> {
            RawHttp.Response response = RawHttp.to(test.port)
                    .basic(lead, TestUsers.PASSWORD)
                    .send(method, address, json == null ? null : "application/json", json);
            return new Http.Response(response.status(), response.body());
        });
    }

    private Case yaml(String name, int status, Object body) {
        return request(name, status, HttpMethod.POST, "/api/plans", office, YAML, body);
    }

    private Case json(String name, int status, HttpMethod method, String path, String user, String body) {
        return request(name, status, method, path, user, MediaType.APPLICATION_JSON, body);
    }

    private Case engine(String name, int status, String user, String path, Map<String, Object> values) {
        return new Case(name, status, test -> Http.as(test.rest, user).postJson(path, Http.variables(values)));
    }

    private static Case request(
            String name, int status, HttpMethod method, String path, String user, MediaType contentType, Object body) {
        return new Case(name, status, test -> {
            HttpHeaders headers = new HttpHeaders();
            if (contentType != null) {
                headers.setContentType(contentType);
            }
            headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
            headers.add(PROGRAM, "BadInputCorpusIT");
            Object payload = body instanceof String text ? text.getBytes(StandardCharsets.UTF_8) : body;
            ResponseEntity<String> response = test.rest
                    .withBasicAuth(user, TestUsers.PASSWORD)
                    .exchange(path, method, new HttpEntity<>(payload, headers), String.class);
            return new Http.Response(response.getStatusCode().value(), response.getBody());
        });
    }

    /** A multipart upload as browsers and curl send it: the whole body with its length declared. */
    private Case multipart(String name, int status, String path, String part, String fileName, byte[] content) {
        return new Case(name, status, test -> {
            String boundary = "----duban-corpus-boundary";
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part + "\"; filename=\""
                            + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.writeBytes(content);
            body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            HttpHeaders headers = new HttpHeaders();
            headers.setContentType(MediaType.parseMediaType("multipart/form-data; boundary=" + boundary));
            headers.add(PROGRAM, "BadInputCorpusIT");
            ResponseEntity<String> response = test.rest
                    .withBasicAuth(office, TestUsers.PASSWORD)
                    .postForEntity(path, new HttpEntity<>(body.toByteArray(), headers), String.class);
            return new Http.Response(response.getStatusCode().value(), response.getBody());
        });
    }

    /** A body streamed without Content-Length (chunked), so only reading it shows how large it is. */
    private Case chunked(String name, int status, String path, String contentType, int size) {
        return new Case(name, status, test -> {
            HttpPost post = new HttpPost("http://localhost:" + test.port + path);
            post.setHeader(
                    HttpHeaders.AUTHORIZATION,
                    "Basic "
                            + java.util.Base64.getEncoder()
                                    .encodeToString(
                                            (office + ":" + TestUsers.PASSWORD).getBytes(StandardCharsets.UTF_8)));
            post.setHeader(PROGRAM, "BadInputCorpusIT");
            post.setEntity(new InputStreamEntity(
                    new ByteArrayInputStream(("code: X\n# " + "x".repeat(size)).getBytes(StandardCharsets.UTF_8)),
                    -1,
                    ContentType.parse(contentType + "; charset=UTF-8")));
            try (CloseableHttpClient client = HttpClients.createDefault()) {
                return client.execute(
                        post,
                        response -> new Http.Response(
                                response.getCode(),
                                response.getEntity() == null
                                        ? null
                                        : EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8)));
            } catch (IOException e) {
                return new Http.Response(-1, e.toString());
            }
        });
    }

    /** One hostile request and the 4xx it must get. */
    record Case(String name, int expectedStatus, Function<BadInputCorpusIT, Http.Response> send) {

        String problemWith(Http.Response response) {
            if (response.status() != expectedStatus) {
                return "expected " + expectedStatus + ", got " + response.status();
            }
            if (response.body() == null || !CHINESE.matcher(response.body()).find()) {
                return "no Chinese explanation";
            }
            Matcher internals = INTERNALS.matcher(response.body());
            if (internals.find()) {
                return "the answer shows the server's insides: " + internals.group();
            }
            return null;
        }
    }

    // ---- hostile payloads ----

    private static byte[] random(int size) {
        byte[] bytes = new byte[size];
        new Random(7).nextBytes(bytes);
        bytes[0] = 0;
        return bytes;
    }

    private static String nestedMappings(int depth) {
        StringBuilder yaml = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            yaml.append(" ".repeat(i)).append("a").append(i).append(":\n");
        }
        return yaml.append(" ".repeat(depth)).append("x\n").toString();
    }

    private static String billionLaughs() {
        StringBuilder yaml = new StringBuilder("l0: &l0 [\"哈\",\"哈\",\"哈\",\"哈\",\"哈\",\"哈\",\"哈\",\"哈\",\"哈\"]\n");
        for (int i = 1; i < 10; i++) {
            yaml.append("l").append(i).append(": &l").append(i).append(" [");
            for (int j = 0; j < 9; j++) {
                yaml.append(j == 0 ? "" : ",").append("*l").append(i - 1);
            }
            yaml.append("]\n");
        }
        return yaml.append("code: BOMB\ntitle: *l9\n").toString();
    }

    private static String manyTasks(int count) {
        StringBuilder yaml = new StringBuilder("code: BAD-MANY\ntitle: 任务过多\ndeadline: 2030-12-31\ntasks:\n");
        for (int i = 0; i < count; i++) {
            yaml.append("  - {code: BAD-MANY-").append(i).append(", title: 任务, text: 内容, leadUnits: 州生态环境局}\n");
        }
        return yaml.toString();
    }

    /** A .docx whose document part inflates to 200 MB of zeros. */
    private static byte[] zipBomb() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write(("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/"
                            + "content-types\"/>")
                    .getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            byte[] zeros = new byte[MB];
            for (int i = 0; i < 200; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    // ---- the database before and after ----

    private Map<String, String> fingerprint() {
        List<String> tables = new ArrayList<>(jdbc.sql("""
                        select 'duban.' || table_name from information_schema.tables
                        where table_schema = 'duban' and table_type = 'BASE TABLE'
                          and table_name not in ('login_failure', 'login_known_address', 'flyway_schema_history')
                        order by table_name""").query(String.class).list());
        tables.addAll(List.of(
                "act_ru_execution",
                "act_ru_task",
                "act_ru_variable",
                "act_ru_identitylink",
                "act_ru_job",
                "act_ru_authorization",
                "act_ru_filter",
                "act_hi_procinst",
                "act_hi_taskinst",
                "act_hi_varinst",
                "act_hi_detail",
                "act_hi_actinst",
                "act_hi_op_log",
                "act_id_user",
                "act_id_group",
                "act_id_membership"));
        Map<String, String> fingerprint = new LinkedHashMap<>();
        for (String table : tables) {
            fingerprint.put(
                    table,
                    jdbc.sql("select count(*) || ':' || coalesce(md5(string_agg(md5(t::text), ''"
                                    + " order by md5(t::text))), '') from " + table + " t")
                            .query(String.class)
                            .single());
        }
        fingerprint.put(
                "act_ge_bytearray",
                jdbc.sql("select count(*)::text from act_ge_bytearray")
                        .query(String.class)
                        .single());
        return fingerprint;
    }

    private static List<String> changed(Map<String, String> before, Map<String, String> after) {
        return before.keySet().stream()
                .filter(table -> !before.get(table).equals(after.get(table)))
                .toList();
    }

    private static String abbreviate(String body) {
        return body == null ? "" : body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }
}
