package cn.duban.identity;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The staff by name: who a user id is (姓名, phone, position, unit), for every page that shows a person. Reads the
 * profiles ({@code duban.staff_profile}) and the accounts; {@link StaffProfiles} writes them.
 */
@Service
public class People {

    private final JdbcClient jdbc;
    private final IdentityService identityService;
    private final UnitCatalog units;

    People(JdbcClient jdbc, IdentityService identityService, UnitCatalog units) {
        this.jdbc = jdbc;
        this.identityService = identityService;
        this.units = units;
    }

    /** The people behind {@code userIds} (unknown ids are named by their id), by user id. */
    public Map<String, Person> of(Collection<String> userIds) {
        Set<String> ids =
                userIds.stream().filter(Objects::nonNull).collect(Collectors.toCollection(LinkedHashSet::new));
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<String, Profile> profiles = profiles(ids);
        Map<String, String> unitNames = unitNames();
        return AsSystem.call(identityService, () -> {
            Map<String, User> accounts =
                    identityService.createUserQuery().userIdIn(ids.toArray(String[]::new)).list().stream()
                            .collect(Collectors.toMap(User::getId, Function.identity()));
            Map<String, String> unitOf = unitsOf(ids, unitNames);
            Map<String, Person> people = new HashMap<>();
            for (String id : ids) {
                people.put(id, person(id, profiles.get(id), accounts.get(id), unitOf.get(id), unitNames));
            }
            return people;
        });
    }

    /** One person (named by their id if unknown). */
    public Person of(String userId) {
        return of(List.of(userId)).get(userId);
    }

    /** How pages name {@code userIds}: "王建国（州生态环境局）", by user id. */
    public Map<String, String> labels(Collection<String> userIds) {
        return of(userIds).values().stream().collect(Collectors.toMap(Person::userId, Person::label));
    }

    /** The staff of a unit, by name. */
    public List<Person> ofUnit(String unitId) {
        List<String> members = AsSystem.call(
                identityService,
                () -> identityService.createUserQuery().memberOfGroup(unitId).list().stream()
                        .map(User::getId)
                        .toList());
        Map<String, Person> people = of(members);
        return members.stream()
                .map(people::get)
                .map(person -> new Person(
                        person.userId(), person.name(), person.phone(), person.position(), unitId, person.unitName()))
                .sorted(java.util.Comparator.comparing(Person::name))
                .toList();
    }

    private Map<String, Profile> profiles(Set<String> ids) {
        return jdbc
                .sql("""
                        select user_id, full_name, phone, position from duban.staff_profile
                        where user_id = any(cast(:ids as varchar[]))""")
                .param("ids", ids.toArray(String[]::new))
                .query((rs, row) -> new Profile(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list()
                .stream()
                .collect(Collectors.toMap(Profile::userId, Function.identity()));
    }

    /**
     * Each user's unit (the first by id when one belongs to several), for all {@code ids} in one query of the engine's
     * memberships rather than one query a person.
     */
    private Map<String, String> unitsOf(Set<String> ids, Map<String, String> unitNames) {
        Map<String, String> unitOf = new HashMap<>();
        jdbc
                .sql("select user_id_, group_id_ from act_id_membership where user_id_ = any(cast(:ids as varchar[]))")
                .param("ids", ids.toArray(String[]::new))
                .query((rs, row) -> Map.entry(rs.getString(1), rs.getString(2)))
                .list()
                .stream()
                .filter(membership -> unitNames.containsKey(membership.getValue()))
                .forEach(membership -> unitOf.merge(
                        membership.getKey(), membership.getValue(), (a, b) -> a.compareTo(b) <= 0 ? a : b));
        return unitOf;
    }

    private Map<String, String> unitNames() {
        return units.all().stream().collect(Collectors.toMap(Unit::id, Unit::name, (a, b) -> a));
    }

    private static Person person(
            String id, Profile profile, User account, String unitId, Map<String, String> unitNames) {
        String name = profile != null ? profile.name() : accountName(account);
        return new Person(
                id,
                name == null || name.isBlank() ? id : name,
                profile == null ? null : profile.phone(),
                profile == null ? null : profile.position(),
                unitId,
                unitId == null ? null : unitNames.get(unitId));
    }

    private static String accountName(User account) {
        if (account == null) {
            return null;
        }
        return Stream.of(account.getFirstName(), account.getLastName())
                .filter(Objects::nonNull)
                .collect(Collectors.joining());
    }

    record Profile(String userId, String name, String phone, String position) {}
}
