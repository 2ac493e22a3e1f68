package io.acgs2.stacks.config;

import io.acgs2.components.data.DataStore;
import io.acgs2.components.wiring.StoreAccess;
import io.acgs2.components.wiring.TopicAccess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.acgs2.testing.Fixtures.read;
import static io.acgs2.testing.Fixtures.shippedProject;
import static io.acgs2.testing.Fixtures.stackFile;
import static io.acgs2.testing.Fixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** services.apps.<name>.data: the shipped declarations, and bad ones named by file, key and fix before anything plans. */
class WiringRulesTest {

    static List<String> problems(Path dir) {
        return assertThrows(ConfigException.class, () -> FleetLoader.load(dir)).problems();
    }

    @Test
    void theShippedServicesDeclareTheirDomains(@TempDir Path tmp) {
        var fleet = FleetLoader.load(shippedProject(tmp));
        ServicesSection.Config services = fleet.settings().section(ServicesSection.SECTION);
        var claude = services.apps().get("claude-flow").data();
        assertEquals(List.of("gdpr-tenants", "platform", "us-tenants"), claude.stream().map(u -> u.domain()).toList());
        var platform = claude.get(1);
        assertEquals(Map.of(DataStore.DATABASE, StoreAccess.READ_WRITE, DataStore.CACHE, StoreAccess.READ_WRITE,
                DataStore.BUCKET, StoreAccess.READ_WRITE), platform.stores());
        assertEquals(Map.of("acgs.agent.messages", Set.of(TopicAccess.PRODUCE, TopicAccess.CONSUME),
                "acgs.agent.events", Set.of(TopicAccess.PRODUCE)), platform.topics());
        assertEquals(List.of("us", "pipl"), claude.get(0).exceptIn());
    }

    @Test
    void badDeclarationsAreNamedWithTheirFix(@TempDir Path tmp) {
        var dir = shippedProject(tmp);
        write(dir, "Pulumi.yaml", read(dir, "Pulumi.yaml").replace("""
                            gdpr-tenants:
                              database: read-write
                              bucket: read-write
                              topics: {acgs.audit.events: produce}
                """, """
                            gdpr-tenants:
                              database: write
                              cache: read
                              bucket: read-write
                              topics: {acgs.audit.events: publish, acgs.agent.events: produce, nope: consume}
                              where: here
                            billing:
                              database: read
                              exceptIn: [pipl]
                """));
        assertEquals(List.of(
                "Pulumi.yaml: acgs2-infra:services.apps.claude-flow.data.gdpr-tenants.where: unknown setting. Fix: remove it or use one "
                        + "of [bucket, cache, database, exceptIn, topics]",
                "Pulumi.yaml: acgs2-infra:services.apps.claude-flow.data.gdpr-tenants.database: is 'write'. Fix: use one of read, read-write",
                "Pulumi.yaml: acgs2-infra:services.apps.claude-flow.data.gdpr-tenants.topics.acgs.audit.events: is 'publish'. Fix: use "
                        + "produce, consume, or a list of both"), problems(dir).subList(0, 3));
    }

    @Test
    void whatTheDeclarationNamesMustExistAndBePlacedWhereTheServiceRuns(@TempDir Path tmp) {
        var dir = shippedProject(tmp);
        write(dir, "Pulumi.yaml", read(dir, "Pulumi.yaml").replace("""
                            gdpr-tenants:
                              database: read-write
                              bucket: read-write
                              topics: {acgs.audit.events: produce}
                              exceptIn: [us, pipl]
                """, """
                            gdpr-tenants:
                              cache: read
                              topics: {acgs.agent.events: produce, nope: consume}
                              exceptIn: [pipl, mars]
                            billing:
                              database: read
                """));
        assertEquals(List.of(
                "Pulumi.yaml: acgs2-infra:services.apps.claude-flow.data.billing: 'billing' is not a data domain. Fix: use one of "
                        + "[gdpr-tenants, platform, us-tenants], or define it under data.domains",
                "Pulumi.yaml: acgs2-infra:services.apps.claude-flow.data.gdpr-tenants.cache: domain gdpr-tenants has no cache (its stores: "
                        + "[bucket, database]). Fix: remove it, or add cache to data.domains.gdpr-tenants.stores",
                "Pulumi.yaml: acgs2-infra:services.apps.claude-flow.data.gdpr-tenants.topics.acgs.agent.events: topic acgs.agent.events "
                        + "belongs to domain platform, not gdpr-tenants. Fix: declare it under data.platform.topics",
                "Pulumi.yaml: acgs2-infra:services.apps.claude-flow.data.gdpr-tenants.topics.nope: 'nope' is not a topic of events.topics. "
                        + "Fix: use one of [acgs.audit.events], or add it to events.topics with domain: gdpr-tenants",
                "Pulumi.yaml: acgs2-infra:services.apps.claude-flow.data.gdpr-tenants.exceptIn: 'mars' is neither a zone nor a region of "
                        + "one. Fix: name zones [gdpr, pipl, us] or their regions",
                "Pulumi.yaml: acgs2-infra:services.apps.claude-flow.data.gdpr-tenants: the service runs in us-east-1 (zone us), where "
                        + "domain gdpr-tenants is not placed (its regions: [eu-west-1]). Fix: add exceptIn: [us] (or [us-east-1]) to say "
                        + "the service does without gdpr-tenants there; its data never leaves its regions"), problems(dir));
    }

    @Test
    void aNewRegionWhereADeclaredDomainIsNotPlacedNeedsTheDeclarationToSaySo(@TempDir Path tmp) {
        // a zone added with its region: the tenant domains are not placed there, and the services must say they do without
        var dir = shippedProject(tmp);
        write(dir, "Pulumi.yaml", read(dir, "Pulumi.yaml").replace("      pipl:\n", "      pdpa:\n        regions: [ap-southeast-1]\n"
                + "        restricted: true\n      pipl:\n").replace("        gdpr: eu.api.acgs2.example.com\n",
                "        gdpr: eu.api.acgs2.example.com\n        pdpa: sg.api.acgs2.example.com\n"));
        write(dir, "Pulumi.ap-southeast-1.yaml", stackFile("ap-southeast-1", "pdpa", 2, "10.50.0.0/16"));
        var problems = problems(dir);
        assertEquals(2, problems.size(), problems.toString());
        assertEquals("Pulumi.yaml: acgs2-infra:services.apps.claude-flow.data.gdpr-tenants: the service runs in ap-southeast-1 (zone "
                + "pdpa), where domain gdpr-tenants is not placed (its regions: [eu-west-1]). Fix: add exceptIn: [pdpa] (or "
                + "[ap-southeast-1]) to say the service does without gdpr-tenants there; its data never leaves its regions", problems.get(0));
        write(dir, "Pulumi.yaml", io.acgs2.testing.Fixtures.exceptZone(read(dir, "Pulumi.yaml"), "pdpa"));
        FleetLoader.load(dir);
    }
}
