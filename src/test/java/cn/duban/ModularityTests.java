package cn.duban;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.Violation;
import org.springframework.modulith.core.Violations;
import org.springframework.modulith.docs.Documenter;

/**
 * Each top-level package under cn.duban is an application module (Spring Modulith): other modules use only the
 * public types of its base package (its API), never its sub-packages or package-private types, only the modules its
 * {@code package-info.java} allows, and no two modules depend on each other in a cycle. Also writes docs/modules/.
 * The tables each module may name: {@link TableOwnershipTest}.
 */
class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(DubanApplication.class);

    /** Every violation, the temporary exceptions included (found once: it takes a while on two cores). */
    static final Violations VIOLATIONS = MODULES.detectViolations();

    /**
     * TEMPORARY exceptions: cycles between modules, each as the set of its modules → why; none now (the model's
     * rewrite ended the one between accountability and supervision). {@link #everyExceptionIsStillNeeded()} fails
     * once an exception's cycle has ended, so none outlives its cause.
     */
    static final Map<Set<String>, String> CYCLES = Map.of();

    @Test
    void modulesUseOnlyEachOthersApiAndAllowedModules() {
        Violations violations = VIOLATIONS.filter(violation -> !allowed(violation));
        assertThat(violations.getMessages()).as("module violations").isEmpty();
    }

    @Test
    void everyExceptionIsStillNeeded() {
        Set<Set<String>> cycles =
                VIOLATIONS.getMessages().stream().map(ModularityTests::cycle).collect(Collectors.toSet());
        assertThat(cycles).as("remove the exceptions whose cycle has ended").containsAll(CYCLES.keySet());
    }

    @Test
    void writesTheModulesDocumentation() throws IOException {
        // docs/modules/: components.puml (every module, C4), module-<name>.puml (each with its neighbours),
        // module-<name>.adoc (the module canvas: its API, beans, properties) and all-docs.adoc; rewritten by every run.
        Documenter.DiagramOptions diagrams =
                Documenter.DiagramOptions.defaults().withStyle(Documenter.DiagramOptions.DiagramStyle.C4);
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("docs/modules"))
                .writeDocumentation(diagrams, Documenter.CanvasOptions.defaults())
                .writeAggregatingDocument(diagrams, Documenter.CanvasOptions.defaults());
        try (Stream<Path> files = Files.list(Path.of("docs/modules"))) {
            for (Path diagram :
                    files.filter(file -> file.toString().endsWith(".puml")).toList()) {
                Files.write(diagram, inStableOrder(Files.readAllLines(diagram)));
            }
        }
        assertThat(Path.of("docs/modules/components.puml")).content().contains("Component(", "Rel(");
    }

    /**
     * The lines of a diagram with each run of components and of relations sorted: the Documenter writes them in the
     * order of hash sets, so that an unchanged module structure gives unchanged files.
     */
    static List<String> inStableOrder(List<String> lines) {
        List<String> stable = new ArrayList<>();
        List<String> run = new ArrayList<>();
        String kind = null;
        for (String line : lines) {
            String lineKind = line.strip().startsWith("Rel(")
                    ? "Rel"
                    : line.strip().startsWith("Component(") ? "Component" : null;
            if (!java.util.Objects.equals(kind, lineKind)) {
                run.sort(null);
                stable.addAll(run);
                run.clear();
            }
            kind = lineKind;
            (lineKind == null ? stable : run).add(line);
        }
        run.sort(null);
        stable.addAll(run);
        return stable;
    }

    private static boolean allowed(Violation violation) {
        return CYCLES.containsKey(cycle(violation.getMessage()));
    }

    /** The modules of a "Cycle detected: Slice a -> Slice b -> Slice a" message; empty for any other violation. */
    static Set<String> cycle(String message) {
        if (!message.startsWith("Cycle detected:")) {
            return Set.of();
        }
        String header = message.substring(0, message.contains("1.") ? message.indexOf("1.") : message.length());
        List<String> slices = Arrays.stream(header.split("Slice "))
                .skip(1)
                .map(slice -> slice.replaceAll("[\\s\\->]+$", "").strip())
                .toList();
        return new TreeSet<>(slices);
    }
}
