package io.acgs2.stacks.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static io.acgs2.testing.Fixtures.read;
import static io.acgs2.testing.Fixtures.shippedProject;
import static io.acgs2.testing.Fixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The ci section: the shipped runners' settings, and bad ones named by file, key and fix before anything is registered. */
class CiSectionTest {

    @Test
    void theShippedFleetRunsRunnersForItsRepository(@TempDir Path tmp) {
        var fleet = FleetLoader.load(shippedProject(tmp));
        Optional<CiSection.Config> ci = fleet.settings().section(CiSection.SECTION);
        assertEquals("https://github.com/acgs2/acgs2-infra", ci.orElseThrow().repository());
        assertEquals("acgs2-deployer", ci.get().deployRoleName());
        assertEquals(Optional.empty(), ci.get().connectionArn(), "shipped without a connection: a pending one is created");
        assertEquals("acgs2-ci-eu-west-1", CiSection.Config.projectName("eu-west-1"));
    }

    @Test
    void badSettingsAreRejectedNamingFileKeyAndFix(@TempDir Path tmp) {
        var dir = shippedProject(tmp);
        write(dir, "Pulumi.yaml", read(dir, "Pulumi.yaml")
                .replace("      repository: https://github.com/acgs2/acgs2-infra\n",
                        "      repository: git@github.com:acgs2/acgs2-infra.git\n      connectionArn: arn:aws:iam::1:role/x\n      runnerSize: big\n"));
        var e = assertThrows(ConfigException.class, () -> FleetLoader.load(dir));
        var problems = String.join("\n", e.problems());
        for (var expected : List.of(
                "Pulumi.yaml: acgs2-infra:ci.repository: 'git@github.com:acgs2/acgs2-infra.git' is not a GitHub repository URL. "
                        + "Fix: write https://github.com/<owner>/<repo>",
                "Pulumi.yaml: acgs2-infra:ci.connectionArn: 'arn:aws:iam::1:role/x' is not a CodeConnections connection ARN",
                "runnerSize")) {
            assertTrue(problems.contains(expected), "missing: " + expected + "\n" + problems);
        }
    }
}
