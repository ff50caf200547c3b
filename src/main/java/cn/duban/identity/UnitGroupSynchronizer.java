package cn.duban.identity;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Keeps one Camunda group per unit: same id, the unit's Chinese name, the unit's kind as group type. */
@Component
class UnitGroupSynchronizer {

    private static final Logger log = LoggerFactory.getLogger(UnitGroupSynchronizer.class);

    private final UnitCatalog units;
    private final IdentityService identityService;

    UnitGroupSynchronizer(UnitCatalog units, IdentityService identityService) {
        this.units = units;
        this.identityService = identityService;
    }

    public void synchronize() {
        int created = 0;
        for (Unit unit : units.all()) {
            Group group = identityService.createGroupQuery().groupId(unit.id()).singleResult();
            if (group == null) {
                group = identityService.newGroup(unit.id());
                created++;
            } else if (unit.name().equals(group.getName()) && unit.kind().equals(group.getType())) {
                continue;
            }
            group.setName(unit.name());
            group.setType(unit.kind());
            identityService.saveGroup(group);
        }
        log.info("Unit groups synchronized: {} created", created);
    }
}
