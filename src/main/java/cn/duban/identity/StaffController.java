package cn.duban.identity;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code GET /api/units/{id}/staff}: a unit's staff by name (the office, leaders and administrators any unit's, a
 * unit's staff their own); {@code PUT /api/staff/{userId}}: a person's 姓名, phone and position ({@link
 * StaffProfiles} says who may change what).
 */
@RestController
@Tag(name = "用户")
class StaffController {

    private final People people;
    private final StaffProfiles profiles;
    private final UnitCatalog units;

    StaffController(People people, StaffProfiles profiles, UnitCatalog units) {
        this.people = people;
        this.profiles = profiles;
        this.units = units;
    }

    @GetMapping("/api/units/{id}/staff")
    @Operation(summary = "单位人员：姓名、职务、联系电话")
    List<Person> staff(@PathVariable String id, Authentication caller) {
        if (units.all().stream().noneMatch(unit -> unit.id().equals(id))) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "没有编号为“" + id + "”的单位");
        }
        List<String> groups = GroupAuthorities.groupIds(caller);
        boolean overseer = groups.contains(DubanGroups.SUPERVISION_OFFICE)
                || groups.contains(DubanGroups.LEADERS)
                || groups.contains(DubanGroups.CAMUNDA_ADMIN);
        if (!overseer && !groups.contains(id)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "只能查看本单位的人员");
        }
        return people.ofUnit(id);
    }

    @PutMapping("/api/staff/{userId}")
    @Operation(summary = "修改人员信息：督查办修改姓名、职务、联系电话，本人只能修改联系电话")
    Person update(@PathVariable String userId, @RequestBody StaffProfiles.Change change, Authentication caller) {
        return profiles.update(userId, change, caller);
    }
}
