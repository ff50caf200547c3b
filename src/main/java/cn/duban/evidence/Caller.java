package cn.duban.evidence;

import cn.duban.identity.DubanGroups;
import cn.duban.identity.GroupAuthorities;
import java.util.Set;
import org.springframework.security.core.Authentication;

/** Who asks: a user and its groups (units, the office, leaders). */
record Caller(String userId, Set<String> groups) {

    static Caller of(Authentication authentication) {
        return new Caller(authentication.getName(), Set.copyOf(GroupAuthorities.groupIds(authentication)));
    }

    /** The office, leaders and administrators read every task's files. */
    boolean oversees() {
        return groups.contains(DubanGroups.SUPERVISION_OFFICE)
                || groups.contains(DubanGroups.LEADERS)
                || groups.contains(DubanGroups.CAMUNDA_ADMIN);
    }
}
