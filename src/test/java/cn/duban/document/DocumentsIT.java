package cn.duban.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.duban.dispatch.PlanTaskDispatcher;
import cn.duban.identity.DubanGroups;
import cn.duban.support.DubanTest;
import cn.duban.support.Http;
import cn.duban.support.Jobs;
import cn.duban.support.Orders;
import cn.duban.support.TestUsers;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every step of the record that calls for a document gets one, numbered 督办〔year〕n号 once and for good; the Word
 * files carry the task's fields, read back here with POI; two nodes numbering at once never share or skip a number.
 */
@DubanTest
class DocumentsIT {

    private static final int YEAR = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();

    @Autowired
    PlanTaskDispatcher dispatcher;

    @Autowired
    Documents documents;

    @Autowired
    DocumentNumbers numbers;

    @Autowired
    TaskService taskService;

    @Autowired
    Jobs jobs;

    @Autowired
    TestUsers users;

    @Autowired
    TestRestTemplate rest;

    @Autowired
    JdbcClient jdbc;

    @Test
    void dispatchAndEachUrgeGetTheirNoticeWithTheTasksFields() throws Exception {
        String code = Orders.freshCode("DOC");
        dispatcher.dispatch(Orders.order(code, List.of(Orders.ECOLOGY), List.of(Orders.FINANCE)));
        String officeUser = users.member("doc-office", DubanGroups.SUPERVISION_OFFICE);
        Http office = Http.as(rest, officeUser);
        office.postJson("/api/plan-tasks/" + code + "/urges", Map.of("message", "请尽快签收"));
        office.postJson("/api/plan-tasks/" + code + "/urges", Map.of("message", "请于本周五前签收并报送计划"));

        JsonNode listed = office.get("/api/plan-tasks/" + code + "/documents").json();
        assertThat(listed).hasSize(3);
        assertThat(listed).extracting(d -> d.path("title").asText()).containsExactly("督办通知单", "催办通知单", "催办通知单");
        List<Integer> issued = new ArrayList<>();
        for (JsonNode document : listed) {
            assertThat(document.path("documentNumber").asText()).matches("督办〔" + YEAR + "〕[1-9][0-9]*号");
            issued.add(Integer.parseInt(document.path("documentNumber")
                    .asText()
                    .replaceAll("\\D*〕|号", "")
                    .replace("督办〔" + YEAR, "")));
        }
        assertThat(issued).doesNotHaveDuplicates().isSorted();
        assertThat(office.get("/api/plan-tasks/" + code + "/documents").json().toString())
                .as("asking again issues nothing new")
                .isEqualTo(listed.toString());

        XWPFDocument notice = download(officeUser, listed.get(0).path("href").asText());
        assertThat(text(notice))
                .startsWith("督办通知单\n" + listed.get(0).path("documentNumber").asText());
        Map<String, String> rows = rows(notice);
        assertThat(rows)
                .containsEntry("任务编号", code)
                .containsEntry("所属计划", "测试计划")
                .containsEntry("任务名称", "开展土壤污染状况详查")
                .containsEntry("牵头单位", "州生态环境局")
                .containsEntry("配合单位", "州财政局")
                .containsEntry("完成时限", "2030年12月31日");
        assertThat(text(notice)).doesNotContain("{{");

        XWPFDocument urge = download(officeUser, listed.get(2).path("href").asText());
        assertThat(text(urge))
                .startsWith("催办通知单\n" + listed.get(2).path("documentNumber").asText());
        assertThat(rows(urge))
                .containsEntry("催办次数", "第2次")
                .containsEntry("催办内容", "请于本周五前签收并报送计划")
                .containsEntry("任务编号", code);
        assertThat(text(urge))
                .contains(LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear() + "年");
    }

    @Test
    void rectificationAndClosureGetTheirDocuments() throws Exception {
        String code = Orders.freshCode("DOCR");
        String lead = users.member("doc-lead", Orders.ECOLOGY.id());
        String instance = dispatcher.dispatch(Orders.order(code, List.of(Orders.ECOLOGY), List.of()));
        Task claim = openTask(instance);
        taskService.claim(claim.getId(), lead);
        taskService.complete(claim.getId(), Map.of("responsiblePerson", "张伟", "contactPhone", "0994-2345678"));
        jobs.executeAll(instance);
        taskService.complete(openTask(instance).getId(), Map.of("resultDescription", "完成初步详查", "evidence", "a.pdf"));
        taskService.complete(
                openTask(instance).getId(),
                Map.of(
                        "inspectionDecision",
                        "rectify",
                        "inspectionOpinion",
                        "缺少详查点位图",
                        "rectificationDeadline",
                        "2031-03-31"));
        taskService.complete(
                openTask(instance).getId(), Map.of("resultDescription", "完成全州土壤污染状况详查，补充点位图", "evidence", "b.pdf"));
        taskService.complete(openTask(instance).getId(), Map.of("inspectionDecision", "pass"));
        taskService.complete(openTask(instance).getId(), Map.of("closureDecision", "approve"));

        assertThat(documents.issueDue()).isGreaterThanOrEqualTo(3);
        List<IssuedDocument> issued = documents.ofTask(code);
        assertThat(issued)
                .extracting(IssuedDocument::kind)
                .containsExactly(DocumentKind.DISPATCH, DocumentKind.RECTIFICATION, DocumentKind.CLOSURE);

        String officeUser = users.member("doc-office", DubanGroups.SUPERVISION_OFFICE);
        XWPFDocument rectification =
                download(officeUser, "/api/documents/" + issued.get(1).id() + ".docx");
        assertThat(text(rectification)).startsWith("整改通知书\n" + issued.get(1).documentNumber());
        assertThat(rows(rectification))
                .containsEntry("整改期限", "2031年3月31日")
                .containsEntry("核验意见", "缺少详查点位图")
                .containsEntry("任务编号", code);

        XWPFDocument closure =
                download(officeUser, "/api/documents/" + issued.get(2).id() + ".docx");
        assertThat(text(closure)).startsWith("办结报告\n" + issued.get(2).documentNumber());
        assertThat(rows(closure))
                .containsEntry("是否按期办结", "是")
                .containsEntry("整改次数", "1")
                .containsEntry("办理情况", "完成全州土壤污染状况详查，补充点位图")
                .containsEntry("办结日期", cn.duban.taskform.ChineseDates.of(LocalDate.now(ZoneId.of("Asia/Shanghai"))));
    }

    @Test
    void twoNodesNumberingAtOnceNeverShareOrSkipANumber() throws Exception {
        int year = 2090 + (int) (System.nanoTime() % 9);
        jdbc.sql("delete from duban.document where year = ?").param(year).update();
        jdbc.sql("delete from duban.document_counter where year = ?")
                .param(year)
                .update();
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<IssuedDocument>>> results = new ArrayList<>();
        for (int node = 0; node < 2; node++) {
            int me = node;
            results.add(nodes.submit(() -> {
                start.await();
                List<IssuedDocument> mine = new ArrayList<>();
                for (int i = 0; i < 40; i++) {
                    // Half the sources are the other node's too: the same source must get the same number.
                    String source = i % 2 == 0 ? "TEST:" + year + ":shared:" + i : "TEST:" + year + ":" + me + ":" + i;
                    mine.add(numbers.issue(DocumentKind.URGE, source, "NUMBERING", year, Map::of));
                }
                return mine;
            }));
        }
        start.countDown();
        Map<String, Integer> bySource = new LinkedHashMap<>();
        List<IssuedDocument> all = new ArrayList<>();
        for (Future<List<IssuedDocument>> result : results) {
            all.addAll(result.get());
        }
        nodes.shutdown();
        List<Integer> stored = jdbc.sql("select number from duban.document where year = ? order by number")
                .param(year)
                .query(Integer.class)
                .list();
        assertThat(stored)
                .as("1..60: twenty shared and twenty of each node's own, no gap, no duplicate")
                .containsExactlyElementsOf(range(1, 60));
        for (IssuedDocument document : all) {
            Integer before = bySource.putIfAbsent(document.fields().toString() + document.id(), document.number());
            assertThat(before == null || before == document.number()).isTrue();
        }
        assertThat(all.stream().filter(d -> d.id() > 0).map(IssuedDocument::id).distinct())
                .hasSize(60);

        // A document whose fields cannot be put together takes no number: the next one gets it.
        assertThatThrownBy(() -> numbers.issue(DocumentKind.URGE, "TEST:" + year + ":broken", "NUMBERING", year, () -> {
                    throw new IllegalStateException("broken");
                }))
                .hasMessage("broken");
        assertThat(numbers.issue(DocumentKind.URGE, "TEST:" + year + ":after", "NUMBERING", year, Map::of)
                        .number())
                .isEqualTo(61);
        assertThat(numbers.issue(DocumentKind.URGE, "TEST:" + year + ":after", "NUMBERING", year, Map::of)
                        .documentNumber())
                .isEqualTo("督办〔" + year + "〕61号");
    }

    @Test
    void badOrUnknownDocumentsAreRefusedInChinese() {
        Http office = Http.as(rest, users.member("doc-office", DubanGroups.SUPERVISION_OFFICE));
        assertThat(office.get("/api/documents/999999999.docx").body()).contains("没有这份文书");
        assertThat(office.get("/api/documents/999999999.docx").status()).isEqualTo(404);
        assertThat(office.get("/api/plan-tasks/NO-SUCH-TASK/documents").status())
                .isEqualTo(404);
        assertThat(office.get("/api/plan-tasks/NO-SUCH-TASK/documents").body()).contains("没有编号为");
    }

    private static List<Integer> range(int from, int to) {
        List<Integer> numbers = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            numbers.add(i);
        }
        return numbers;
    }

    private Task openTask(String instance) {
        return taskService.createTaskQuery().processInstanceId(instance).singleResult();
    }

    private XWPFDocument download(String user, String href) throws Exception {
        ResponseEntity<byte[]> response =
                rest.withBasicAuth(user, TestUsers.PASSWORD).exchange(href, HttpMethod.GET, null, byte[].class);
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        assertThat(response.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
                .contains("filename*=UTF-8''");
        return new XWPFDocument(new ByteArrayInputStream(response.getBody()));
    }

    private static String text(XWPFDocument document) {
        StringBuilder text = new StringBuilder();
        for (XWPFParagraph paragraph : document.getParagraphs()) {
            text.append(paragraph.getText()).append("\n");
        }
        return text.toString();
    }

    private static Map<String, String> rows(XWPFDocument document) {
        Map<String, String> rows = new LinkedHashMap<>();
        for (XWPFTableRow row : document.getTables().get(0).getRows()) {
            rows.put(row.getCell(0).getText(), row.getCell(1).getText());
        }
        return Collections.unmodifiableMap(rows);
    }
}
