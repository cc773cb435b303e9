package io.tablewarden.engine.checks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;

/**
 * All available checks, ordered by id. The built-in checks are found with {@link ServiceLoader} from
 * {@code META-INF/services/io.tablewarden.engine.checks.Check}, so adding a check means adding its class,
 * its metadata file and one line there, never a switch statement.
 */
public final class CheckRegistry {

    private final Map<String, Check> checks;

    /** A registry of exactly {@code checks}; ids must be unique. */
    public CheckRegistry(Collection<? extends Check> checks) {
        List<Check> sorted = new ArrayList<>(checks);
        sorted.sort(Comparator.comparing(Check::id));
        Map<String, Check> byId = new LinkedHashMap<>();
        for (Check check : sorted) {
            if (byId.put(check.id(), check) != null) {
                throw new IllegalArgumentException("two checks have the id " + check.id());
            }
        }
        this.checks = byId;
    }

    /** The built-in checks. */
    public static CheckRegistry builtIn() {
        List<Check> found = new ArrayList<>();
        ServiceLoader.load(Check.class, CheckRegistry.class.getClassLoader()).forEach(found::add);
        return new CheckRegistry(found);
    }

    /** Every check, ordered by id. */
    public List<Check> all() {
        return List.copyOf(checks.values());
    }

    /** Every check id, in order. */
    public Set<String> ids() {
        return new TreeSet<>(checks.keySet());
    }

    public Optional<Check> find(String id) {
        return Optional.ofNullable(checks.get(id));
    }

    /**
     * The checks with the given ids, ordered by id; an empty selection means all checks.
     *
     * @throws IllegalArgumentException naming every unknown id
     */
    public List<Check> select(Collection<String> ids) {
        if (ids == null || ids.isEmpty()) {
            return all();
        }
        Set<String> unknown = new TreeSet<>();
        Set<String> wanted = new TreeSet<>();
        for (String id : ids) {
            if (checks.containsKey(id)) {
                wanted.add(id);
            } else {
                unknown.add(id);
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown check id" + (unknown.size() > 1 ? "s " : " ")
                    + String.join(", ", unknown) + "; known ids: " + String.join(", ", checks.keySet()));
        }
        List<Check> selected = new ArrayList<>();
        wanted.forEach(id -> selected.add(checks.get(id)));
        return selected;
    }
}
