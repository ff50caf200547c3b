package cn.duban.identity;

import java.util.Collection;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** A user's Camunda groups as Spring Security authorities ({@code GROUP_<groupId>}) and back. */
public final class GroupAuthorities {

    public static final String PREFIX = "GROUP_";

    private GroupAuthorities() {}

    public static String of(String groupId) {
        return PREFIX + groupId;
    }

    public static List<GrantedAuthority> of(Collection<String> groupIds) {
        return groupIds.stream()
                .<GrantedAuthority>map(id -> new SimpleGrantedAuthority(of(id)))
                .toList();
    }

    public static List<String> groupIds(Authentication authentication) {
        return authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith(PREFIX))
                .map(authority -> authority.substring(PREFIX.length()))
                .toList();
    }
}
