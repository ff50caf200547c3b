package cn.duban.identity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.support.DubanTest;
import cn.duban.support.Http;
import cn.duban.support.Orders;
import cn.duban.support.TestUsers;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/** A unit a plan names but the catalog lacks can be added, and plans can then name it. */
@DubanTest
class UnitRegistrationIT {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    TestUsers users;

    @Autowired
    IdentityService identityService;

    @Autowired
    UnitCatalog units;

    @Test
    void theSupervisionOfficeAddsAUnitThatBecomesAGroupAndResolvesInPlans() {
        Http office = Http.as(rest, users.member("unit-office", DubanGroups.SUPERVISION_OFFICE));
        String name = "州文明办" + Orders.freshCode("");

        Http.Response created = office.postJson("/api/units", Map.of("name", name));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().path("id").asText();
        assertThat(identityService.createGroupQuery().groupId(id).singleResult().getName())
                .isEqualTo(name);
        assertThat(units.resolveAll(name)).extracting(Unit::id).containsExactly(id);
        assertThat(office.postJson("/api/units", Map.of("name", name)).status())
                .as("twice")
                .isEqualTo(409);
        assertThat(office.postJson("/api/units", Map.of("name", "州环保局")).status())
                .as("an alias")
                .isEqualTo(409);
        assertThat(office.postJson("/api/units", Map.of("name", "x", "id", "Bad Id!"))
                        .json()
                        .path("detail")
                        .asText())
                .contains("单位编号");
    }

    @Test
    void aUnitsOwnStaffCannotAddUnits() {
        Http unit = Http.as(rest, users.member("unit-ecology", Orders.ECOLOGY.id()));
        assertThat(unit.postJson("/api/units", Map.of("name", "州某某局")).status()).isEqualTo(403);
        assertThat(unit.get("/api/units").json().size()).isGreaterThanOrEqualTo(33);
    }
}
