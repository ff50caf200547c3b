package cn.duban.identity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.dispatch.PlanTaskDispatcher;
import cn.duban.support.DubanTest;
import cn.duban.support.Http;
import cn.duban.support.Orders;
import cn.duban.support.TestUsers;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * People by name: the office gives a unit's staff member a 姓名, position and phone, and pages name them by it; a
 * person changes only their own phone; another unit's staff can neither read nor change them.
 */
@DubanTest
class StaffProfilesIT {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    TestUsers users;

    @Autowired
    IdentityService identityService;

    @Autowired
    PlanTaskDispatcher dispatcher;

    @Autowired
    TaskService taskService;

    @Test
    void theOfficeNamesAUnitsStaffMemberAndTheTaskPageShowsTheNameNotTheUserId() {
        String officer = users.member("staff-eco-1", Orders.ECOLOGY.id());
        Http office = Http.as(rest, users.member("staff-office", DubanGroups.SUPERVISION_OFFICE));

        Http.Response saved = office.putJson(
                "/api/staff/" + officer, Map.of("name", "王建国", "position", "土壤科科长", "phone", "13912345678"));

        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        JsonNode staff =
                office.get("/api/units/" + Orders.ECOLOGY.id() + "/staff").json();
        JsonNode person = find(staff, officer);
        assertThat(person.path("name").asText()).isEqualTo("王建国");
        assertThat(person.path("position").asText()).isEqualTo("土壤科科长");
        assertThat(person.path("phone").asText()).isEqualTo("13912345678");
        assertThat(person.path("unitName").asText()).isEqualTo("州生态环境局");
        assertThat(identityService
                        .createUserQuery()
                        .userId(officer)
                        .singleResult()
                        .getFirstName())
                .as("Tasklist, Cockpit and Admin show the account's name")
                .isEqualTo("王建国");

        String code = Orders.freshCode("NAME");
        String instanceId = dispatcher.dispatch(Orders.order(code, List.of(Orders.ECOLOGY), List.of()));
        Task claim = taskService.createTaskQuery().processInstanceId(instanceId).singleResult();
        taskService.claim(claim.getId(), officer);
        taskService.complete(claim.getId(), Map.of("responsiblePerson", "王建国", "contactPhone", "13912345678"));

        List<String> actors = new ArrayList<>();
        office.get("/api/dashboard/tasks/" + code)
                .json()
                .path("timeline")
                .forEach(entry -> actors.add(entry.path("actorName").asText()));
        assertThat(actors).contains("王建国（州生态环境局）").doesNotContain(officer);
    }

    @Test
    void aPersonChangesTheirOwnPhoneButNotTheirNameNorAnyoneElses() {
        String me = users.member("staff-eco-2", Orders.ECOLOGY.id());
        String colleague = users.member("staff-eco-3", Orders.ECOLOGY.id());
        String stranger = users.member("staff-finance-1", Orders.FINANCE.id());
        Http self = Http.as(rest, me);

        Http.Response phone = self.putJson("/api/staff/" + me, Map.of("phone", "0994-2345678"));
        assertThat(phone.status()).as(phone.body()).isEqualTo(200);
        assertThat(phone.json().path("phone").asText()).isEqualTo("0994-2345678");

        Http.Response rename = self.putJson("/api/staff/" + me, Map.of("name", "李四"));
        assertThat(rename.status()).isEqualTo(403);
        assertThat(rename.json().path("detail").asText()).contains("本人只能修改联系电话");
        assertThat(self.putJson("/api/staff/" + colleague, Map.of("phone", "13800000001"))
                        .status())
                .isEqualTo(403);
        assertThat(Http.as(rest, stranger)
                        .putJson("/api/staff/" + me, Map.of("name", "张三"))
                        .status())
                .as("another unit cannot rename our staff")
                .isEqualTo(403);
        assertThat(Http.as(rest, stranger)
                        .get("/api/units/" + Orders.ECOLOGY.id() + "/staff")
                        .status())
                .isEqualTo(403);
        assertThat(find(self.get("/api/units/" + Orders.ECOLOGY.id() + "/staff").json(), me)
                        .path("phone")
                        .asText())
                .isEqualTo("0994-2345678");
    }

    @Test
    void aMalformedPhoneOrNameIsRefusedSayingWhatIsWrong() {
        String officer = users.member("staff-eco-4", Orders.ECOLOGY.id());
        Http office = Http.as(rest, users.member("staff-office", DubanGroups.SUPERVISION_OFFICE));

        Http.Response phone = office.putJson("/api/staff/" + officer, Map.of("phone", "12345"));
        assertThat(phone.status()).isEqualTo(400);
        assertThat(phone.json().path("detail").asText()).contains("联系电话“12345”格式不正确");
        Http.Response name = office.putJson("/api/staff/" + officer, Map.of("name", "x"));
        assertThat(name.status()).isEqualTo(400);
        assertThat(name.json().path("detail").asText()).contains("姓名应为2至20个汉字或字母");
        assertThat(phone.body() + name.body()).doesNotContain("Exception", "cn.duban");
        assertThat(office.putJson("/api/staff/no-such-user", Map.of("phone", "13912345678"))
                        .status())
                .isEqualTo(404);
    }

    private static JsonNode find(JsonNode people, String userId) {
        for (JsonNode person : people) {
            if (person.path("userId").asText().equals(userId)) {
                return person;
            }
        }
        throw new AssertionError(userId + " not among " + people);
    }
}
