package io.acgs2.stacks;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.acgs2.testing.RecordingEngine;
import io.acgs2.testing.RecordingEngine.Registration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The program run the way `pulumi up` runs it: App.main in its own JVM, started in a project directory
 * with the environment pulumi-language-java builds (PULUMI_MONITOR, PULUMI_ENGINE, PULUMI_CONFIG, ...),
 * talking gRPC to a recording engine. Nothing here goes through the mock harness or the offline plan's
 * config reader: config arrives as the engine's JSON strings and is read through ctx.config().
 *
 * <p>The JVMs start in {@link #startPrograms()}, in two lanes: us-east-1 then eu-west-1 (it is served
 * us-east-1's exports), and plugin discovery then the bad-config run. Two programs at once gain nothing on
 * two cores: the SDK's runner busy-polls its task list for the whole run.
 */
class EnginePathTest {

    private static final Path PROJECT = Path.of("").toAbsolutePath();
    private static final String PROJECT_NAME = "acgs2-infra";
    /** What the engine passes as PULUMI_ORGANIZATION (the backend's organization). */
    private static final String ORG = "acgs2-org";
    private static final long TIMEOUT_SECONDS = 60;

    /** Peer values the engine serves to eu-west-1 through its stack reference to us-east-1. */
    private static final String SERVED_TGW = "tgw-0a1b2c3d4e5f60718";
    private static final String SERVED_TGW_RTB = "tgw-rtb-0feedfacecafe0001";
    private static final List<String> SERVED_PRIVATE_RTBS = List.of("rtb-0aaa0000000000001", "rtb-0aaa0000000000002",
            "rtb-0aaa0000000000003");
    private static final String SERVED_ACCOUNT = "210987654321";

    @TempDir
    static Path tmp;

    record Run(int exitCode, String stdout, String stderr, RecordingEngine engine) {
        String output() {
            return "exit " + exitCode + "\n--- engine log:\n" + engine.logs() + "\n--- stdout:\n" + stdout + "\n--- stderr:\n" + stderr;
        }
    }

    record Proc(int exitCode, String stdout, String stderr) {
    }

    /** The engine's wire value for a value not known during a preview. */
    private static final String UNKNOWN_SENTINEL = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

    private static CompletableFuture<Run> usEast1;
    private static CompletableFuture<Run> euWest1;
    private static CompletableFuture<Run> badConfig;
    private static CompletableFuture<Proc> packages;
    private static final List<RecordingEngine> ENGINES = new ArrayList<>();
    private static final ExecutorService LANES = Executors.newFixedThreadPool(2);

    @BeforeAll
    static void startPrograms() {
        usEast1 = CompletableFuture.supplyAsync(() -> preview("us-east-1", "us", null), LANES);
        euWest1 = usEast1.thenApplyAsync(us -> {
            var exported = new LinkedHashMap<>(us.engine().stackOutputs());
            // A deployed stack's outputs are all known; its preview's (e.g. the cluster endpoint) are not:
            // those are served as the offline plan of us-east-1 knows them, as after its `pulumi up`.
            var deployed = io.acgs2.stacks.plan.Planner.planWithDependencies(
                    RecordingEngine.copyProjectFiles(PROJECT, tmp.resolve("deployed").resolve("project")), List.of("us-east-1"))
                    .get("us-east-1").rawOutputs();
            exported.replaceAll((k, v) -> String.valueOf(v).contains(UNKNOWN_SENTINEL) ? deployed.get(k) : v);
            exported.values().removeIf(java.util.Objects::isNull);
            exported.put("transitGatewayId", SERVED_TGW);
            exported.put("transitRouteTableId", SERVED_TGW_RTB);
            exported.put("privateRouteTableIds", SERVED_PRIVATE_RTBS);
            exported.put("accountId", SERVED_ACCOUNT);
            return preview("eu-west-1", "eu", null, ORG + "/" + PROJECT_NAME + "/us-east-1", exported);
        }, LANES);
        packages = CompletableFuture.supplyAsync(() -> java(tmp.resolve("discovery"), Map.of(),
                "com.pulumi.bootstrap.internal.Main", "packages"), LANES);
        badConfig = packages.thenApplyAsync(p -> preview("us-east-1", "bad", config -> {
            var network = parseJson(config.get(PROJECT_NAME + ":network"));
            network.put("natStrategy", "sometimes");
            config.put(PROJECT_NAME + ":network", RecordingEngine.json(network));
        }), LANES);
    }

    @AfterAll
    static void stopEngines() throws InterruptedException {
        LANES.shutdownNow(); // a run no test waited for (one test method selected) is killed, not left behind
        LANES.awaitTermination(15, TimeUnit.SECONDS);
        synchronized (ENGINES) {
            ENGINES.forEach(RecordingEngine::close);
        }
    }

    // ---- 1 + 2: us-east-1 -------------------------------------------------------------------------------

    @Test
    void usEast1PreviewRegistersTheRegionThroughTheEngine() {
        var run = usEast1.join();
        var engine = run.engine();
        assertEquals(0, run.exitCode(), run.output());

        var roots = engine.ofType("pulumi:pulumi:Stack");
        assertEquals(1, roots.size(), "one root stack");
        var root = roots.get(0);
        assertEquals("urn:pulumi:us-east-1::acgs2-infra::pulumi:pulumi:Stack::acgs2-infra-us-east-1", root.urn());
        assertEquals("", root.parent(), "the root stack has no parent");

        var providers = engine.ofType("pulumi:providers:aws");
        assertEquals(1, providers.size(), () -> "one AWS provider: " + providers);
        var aws = providers.get(0);
        assertEquals("us-east-1", aws.inputs().get("region"));
        assertEquals("6.83.0", aws.version());

        for (var type : List.of("acgs2:network:RegionalNetwork", "acgs2:network:TransitHub", "acgs2:governance:FleetManifest")) {
            var components = engine.ofType(type);
            assertEquals(1, components.size(), type);
            assertFalse(components.get(0).custom(), type + " is a component");
            assertEquals(root.urn(), components.get(0).parent(), type + " is a child of the stack");
        }

        var vpcs = engine.ofType("aws:ec2/vpc:Vpc");
        assertEquals(1, vpcs.size());
        var vpc = vpcs.get(0);
        assertEquals("10.10.0.0/16", vpc.inputs().get("cidrBlock"), "object config arrived as a JSON string and was parsed");
        assertTrue(vpc.urn().contains("::acgs2:network:RegionalNetwork$aws:ec2/vpc:Vpc::"), vpc.urn());
        assertEquals(aws.urn() + "::" + aws.id(), vpc.provider(), "the VPC is created through the us-east-1 provider");

        // No default provider anywhere: every custom resource names an explicit provider.
        var withoutProvider = engine.registrations().stream()
                .filter(r -> r.custom() && !r.type().startsWith("pulumi:providers:") && r.provider().isEmpty())
                .map(Registration::urn).toList();
        assertEquals(List.of(), withoutProvider);

        var outputs = engine.stackOutputs();
        assertEquals("us-east-1", outputs.get("region"));
        assertEquals("us-east-1", outputs.get("stack"));
        assertEquals("us", outputs.get("zone"));
        assertEquals(List.of(), engine.logs().stream().filter(l -> l.severity().equals("ERROR")).toList());
        assertTrue(engine.featuresAsked().contains("resourceReferences"), () -> "features: " + engine.featuresAsked());
    }

    // ---- 2: eu-west-1 through its stack reference ----------------------------------------------------------

    @Test
    void euWest1PeersWithUsEast1ThroughTheStackReferenceTheEngineServes() {
        var run = euWest1.join();
        var engine = run.engine();
        assertEquals(0, run.exitCode(), run.output());

        // the stack reference, and the reader token secret read back after creation
        var reads = engine.reads().stream().filter(r -> r.type().equals("pulumi:pulumi:StackReference")).toList();
        assertEquals(1, reads.size(), () -> "reads: " + engine.reads());
        var ref = reads.get(0);
        assertEquals("pulumi:pulumi:StackReference", ref.type());
        assertEquals(ORG + "/acgs2-infra/us-east-1", ref.id(), "the stack reference names PULUMI_ORGANIZATION's stack");
        assertEquals(ORG + "/acgs2-infra/us-east-1", ref.properties().get("name"));

        var regions = engine.ofType("pulumi:providers:aws").stream()
                .collect(Collectors.toMap(p -> String.valueOf(p.inputs().get("region")), p -> p.urn() + "::" + p.id()));
        assertEquals(Set.of("eu-west-1", "us-east-1"), regions.keySet(), "its own region's provider and the peer's");

        var attachments = engine.ofType("aws:ec2transitgateway/peeringAttachment:PeeringAttachment");
        assertEquals(1, attachments.size());
        var attachment = attachments.get(0);
        assertEquals(SERVED_TGW, attachment.inputs().get("peerTransitGatewayId"), "the peer gateway comes from the stack reference");
        assertEquals(SERVED_ACCOUNT, attachment.inputs().get("peerAccountId"));
        assertEquals("us-east-1", attachment.inputs().get("peerRegion"));
        var ownTgw = engine.ofType("aws:ec2transitgateway/transitGateway:TransitGateway").get(0);
        assertEquals(ownTgw.id(), attachment.inputs().get("transitGatewayId"));
        assertEquals(regions.get("eu-west-1"), attachment.provider());

        // The peer side: routes in the served route tables, through the served gateway, with the peer's provider.
        var peerVpcRoutes = engine.ofType("aws:ec2/route:Route").stream()
                .filter(r -> regions.get("us-east-1").equals(r.provider())).toList();
        assertEquals(new TreeSet<>(SERVED_PRIVATE_RTBS),
                peerVpcRoutes.stream().map(r -> String.valueOf(r.inputs().get("routeTableId"))).collect(Collectors.toCollection(TreeSet::new)));
        peerVpcRoutes.forEach(r -> assertEquals(SERVED_TGW, r.inputs().get("transitGatewayId"), r.urn()));
        assertTrue(peerVpcRoutes.stream().allMatch(r -> "10.20.0.0/16".equals(r.inputs().get("destinationCidrBlock"))));
        var peerAssociation = engine.ofType("aws:ec2transitgateway/routeTableAssociation:RouteTableAssociation").stream()
                .filter(r -> regions.get("us-east-1").equals(r.provider())).toList();
        assertEquals(1, peerAssociation.size());
        assertEquals(SERVED_TGW_RTB, peerAssociation.get(0).inputs().get("transitGatewayRouteTableId"));

        assertEquals("eu-west-1", engine.stackOutputs().get("region"));
        assertTrue(engine.stackOutputs().get("peeringAttachmentIds") instanceof Map<?, ?> m && m.containsKey("us-east-1"),
                () -> "peeringAttachmentIds: " + engine.stackOutputs().get("peeringAttachmentIds"));
    }

    // ---- 3: bad config under the real engine path ----------------------------------------------------------

    @Test
    void badEngineConfigStopsWithOneClearErrorBeforeRegisteringAnything() {
        var run = badConfig.join();
        var engine = run.engine();
        // 32: the SDK's "failed, and the error is already logged" exit, so the engine adds no message of its own.
        assertEquals(32, run.exitCode(), run.output());

        var errors = engine.logs().stream().filter(l -> l.severity().equals("ERROR")).map(RecordingEngine.LogEntry::message).toList();
        assertEquals(1, errors.size(), run.output());
        var message = errors.get(0);
        assertTrue(message.contains("Pulumi.us-east-1.yaml"), message);
        assertTrue(message.contains("acgs2-infra:network.natStrategy"), message);
        assertTrue(message.contains("'sometimes'"), message);
        assertTrue(message.contains("Fix: use one of"), message);
        // The project standard: a clear error, never a stack trace.
        assertFalse(message.contains("\tat "), "stack trace in the engine's error:\n" + message);
        assertFalse(run.stderr().contains("\tat "), "stack trace on stderr:\n" + run.stderr());

        // The SDK registers the root stack concurrently with running the program: it may or may not arrive.
        assertEquals(List.of(), engine.registrations().stream().map(Registration::type)
                .filter(t -> !t.equals("pulumi:pulumi:Stack")).toList(), "nothing but the root stack is registered");
        assertEquals(List.of(), engine.reads());
    }

    // ---- 4: plugin discovery -----------------------------------------------------------------------------

    @Test
    void pluginDiscoveryListsEveryProviderPackageTheProgramRegisters() {
        var proc = packages.join();
        assertEquals(0, proc.exitCode(), proc.stderr());
        List<Map<String, Object>> listed;
        try {
            listed = new ObjectMapper().readValue(proc.stdout(), List.class);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + proc.stdout(), e);
        }
        var versions = new HashMap<String, String>();
        listed.forEach(p -> {
            assertEquals(Boolean.TRUE, p.get("resource"), () -> "resource plugin: " + p);
            versions.put(String.valueOf(p.get("name")), String.valueOf(p.get("version")));
        });
        assertEquals("6.83.0", versions.get("aws"), () -> "listed: " + listed);
        assertTrue(versions.containsKey("kubernetes"), () -> "listed: " + listed);

        var registered = new ArrayList<Registration>();
        registered.addAll(usEast1.join().engine().registrations());
        registered.addAll(euWest1.join().engine().registrations());
        var providerPackages = registered.stream().filter(r -> r.type().startsWith("pulumi:providers:")).toList();
        assertFalse(providerPackages.isEmpty());
        for (var provider : providerPackages) {
            var pkg = provider.type().substring("pulumi:providers:".length());
            assertTrue(versions.containsKey(pkg), () -> "the program registers a " + pkg + " provider that discovery does not list: " + listed);
            if (pkg.equals("kubernetes")) {
                // Pinned past the 4.0.0 SDK's own plugin (which predates the admission v1 APIs): discovery
                // lists the SDK's version, and the engine acquires the pinned one when the provider asks for it.
                assertEquals(io.acgs2.components.kubernetes.KubernetesPlugin.VERSION, provider.version(),
                        "the cluster's Kubernetes provider pins the current plugin");
            } else {
                assertEquals(provider.version(), versions.get(pkg),
                        () -> pkg + ": the engine would install another plugin version than the program asks for");
            }
        }
    }

    @Test
    void execPluginTakesMainClassAndArgumentsFromTheHostsProperties() throws Exception {
        var pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(PROJECT.resolve("pom.xml").toFile());
        var properties = (Element) pom.getDocumentElement().getElementsByTagName("properties").item(0);
        assertEquals("io.acgs2.stacks.App", text(properties, "mainClass"), "pulumi up runs App by default");

        Element exec = null;
        var plugins = pom.getElementsByTagName("plugin");
        for (int i = 0; i < plugins.getLength(); i++) {
            var plugin = (Element) plugins.item(i);
            if ("exec-maven-plugin".equals(text(plugin, "artifactId"))) {
                exec = plugin;
            }
        }
        assertTrue(exec != null, "pom.xml has exec-maven-plugin");
        Element configuration = null;
        for (var node = exec.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element e && e.getTagName().equals("configuration")) {
                configuration = e;
            }
        }
        assertTrue(configuration != null, "exec-maven-plugin has a plugin-level configuration (used by exec:java)");
        assertEquals("${mainClass}", text(configuration, "mainClass"));
        assertEquals("${mainArgs}", text(configuration, "commandlineArgs"));
        // No execution may pin another main class for exec:java.
        var mainClasses = exec.getElementsByTagName("mainClass");
        for (int i = 0; i < mainClasses.getLength(); i++) {
            assertEquals("${mainClass}", mainClasses.item(i).getTextContent().trim());
        }
    }

    // ---- running the program as the language host does -----------------------------------------------

    private static Run preview(String stack, String label, java.util.function.Consumer<Map<String, String>> editConfig) {
        return preview(stack, label, editConfig, null, null);
    }

    private static Run preview(String stack, String label, java.util.function.Consumer<Map<String, String>> editConfig,
                               String stackReference, Map<String, Object> referenceOutputs) {
        var dir = RecordingEngine.copyProjectFiles(PROJECT, tmp.resolve(label).resolve("project"));
        var engine = RecordingEngine.start(PROJECT_NAME, stack);
        synchronized (ENGINES) {
            ENGINES.add(engine);
        }
        if (stackReference != null) {
            engine.serveStackReference(stackReference, referenceOutputs);
        }
        var config = new HashMap<>(RecordingEngine.engineConfig(dir, stack));
        if (editConfig != null) {
            editConfig.accept(config);
        }
        var proc = java(dir, engine.programEnvironment(ORG, dir, true, config), "io.acgs2.stacks.App");
        return new Run(proc.exitCode(), proc.stdout(), proc.stderr(), engine);
    }

    /** java -cp (this JVM's class path) MAIN ARGS in {@code dir}, bounded; stdout/stderr kept beside it. */
    private static Proc java(Path dir, Map<String, String> env, String main, String... args) {
        try {
            Files.createDirectories(dir);
            var logs = Files.createDirectories(dir.resolveSibling(dir.getFileName() + "-out"));
            var javaTmp = Files.createDirectories(logs.resolve("tmp"));
            var command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:-UsePerfData", "-Xshare:auto",
                    "-Djava.io.tmpdir=" + javaTmp,
                    "-cp", System.getProperty("java.class.path"), main));
            command.addAll(List.of(args));
            var builder = new ProcessBuilder(command).directory(dir.toFile())
                    .redirectOutput(logs.resolve("stdout.txt").toFile())
                    .redirectError(logs.resolve("stderr.txt").toFile());
            if (!env.isEmpty()) {
                builder.environment().clear();
                builder.environment().putAll(env);
            }
            var process = builder.start();
            try {
                if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    throw new AssertionError(main + " did not finish in " + TIMEOUT_SECONDS + " s; stderr:\n"
                            + Files.readString(logs.resolve("stderr.txt")));
                }
            } finally {
                if (process.isAlive()) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            }
            return new Proc(process.exitValue(), Files.readString(logs.resolve("stdout.txt")),
                    Files.readString(logs.resolve("stderr.txt")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parseJson(String json) {
        try {
            return new ObjectMapper().readValue(json, LinkedHashMap.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(Element parent, String tag) {
        for (var node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element e && e.getTagName().equals(tag)) {
                return e.getTextContent().trim();
            }
        }
        return null;
    }
}
