package io.acgs2.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.google.protobuf.Empty;
import com.google.protobuf.ListValue;
import com.google.protobuf.NullValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import pulumirpc.EngineGrpc;
import pulumirpc.EngineOuterClass.GetRootResourceRequest;
import pulumirpc.EngineOuterClass.GetRootResourceResponse;
import pulumirpc.EngineOuterClass.LogRequest;
import pulumirpc.EngineOuterClass.SetRootResourceRequest;
import pulumirpc.EngineOuterClass.SetRootResourceResponse;
import pulumirpc.ResourceMonitorGrpc;
import pulumirpc.Resource.ReadResourceRequest;
import pulumirpc.Resource.ReadResourceResponse;
import pulumirpc.Resource.RegisterPackageRequest;
import pulumirpc.Resource.RegisterPackageResponse;
import pulumirpc.Resource.RegisterResourceOutputsRequest;
import pulumirpc.Resource.RegisterResourceRequest;
import pulumirpc.Resource.RegisterResourceResponse;
import pulumirpc.Resource.ResourceInvokeRequest;
import pulumirpc.Resource.ResourceInvokeResponse;
import pulumirpc.Resource.SupportsFeatureRequest;
import pulumirpc.Resource.SupportsFeatureResponse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in for the Pulumi engine as a program sees it: the ResourceMonitor and Engine gRPC services on
 * 127.0.0.1, recording every request. Resources get URNs built the way the engine builds them, an id, and
 * their inputs back as outputs; the AWS data sources the program calls answer plausibly; stack references
 * answer with outputs the test chose. Also builds the environment the Java language host gives the program.
 */
public final class RecordingEngine implements AutoCloseable {

    /** A registerResource request as the program sent it. */
    public record Registration(String type, String name, String urn, String id, String parent, boolean custom,
                               String provider, Map<String, String> providers, String version,
                               Map<String, Object> inputs, List<String> dependencies) {
    }

    /** A readResource request (e.g. a StackReference). */
    public record Read(String type, String name, String id, String urn, String parent, Map<String, Object> properties) {
    }

    public record Invoke(String token, Map<String, Object> args, String provider) {
    }

    public record LogEntry(String severity, String message, String urn) {
    }

    /** The engine's features a current CLI reports as supported. */
    private static final Set<String> ENGINE_FEATURES = Set.of("secrets", "resourceReferences", "outputValues",
            "deletedWith", "aliasSpecs", "transforms", "invokeTransforms", "parameterization", "resourceHooks",
            "errorHooks");

    private static final String ROOT_TYPE = "pulumi:pulumi:Stack";

    /**
     * What the engine's gRPC servers accept (pulumi's rpcutil: 400 MiB, not gRPC's default 4 MiB): the
     * SDK's debug log of a registration carries its inputs as text, over 4 MiB for Strimzi's Kafka CRD.
     */
    private static final int MAX_MESSAGE_BYTES = 400 * 1024 * 1024;

    private final String project;
    private final String stack;
    private final Server server;
    private final List<Registration> registrations = new CopyOnWriteArrayList<>();
    private final List<Read> reads = new CopyOnWriteArrayList<>();
    private final List<Invoke> invokes = new CopyOnWriteArrayList<>();
    private final List<LogEntry> logs = new CopyOnWriteArrayList<>();
    private final Set<String> featuresAsked = ConcurrentHashMap.newKeySet();
    private final Map<String, Map<String, Object>> registeredOutputs = new ConcurrentHashMap<>();
    private final Map<String, String> typeByUrn = new ConcurrentHashMap<>();
    private final Map<String, String> providerRegions = new ConcurrentHashMap<>();
    private final Map<String, Struct> stackReferences = new ConcurrentHashMap<>();
    private volatile String rootResource = "";

    private RecordingEngine(String project, String stack) throws IOException {
        this.project = project;
        this.stack = stack;
        this.server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
                .maxInboundMessageSize(MAX_MESSAGE_BYTES)
                .addService(new Monitor())
                .addService(new EngineService())
                .build()
                .start();
    }

    public static RecordingEngine start(String project, String stack) {
        try {
            return new RecordingEngine(project, stack);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** host:port, as the engine passes it in PULUMI_MONITOR and PULUMI_ENGINE. */
    public String address() {
        return "127.0.0.1:" + server.getPort();
    }

    /** Answer reads of the stack "org/project/stack" with these outputs. */
    public RecordingEngine serveStackReference(String fullName, Map<String, ?> outputs) {
        stackReferences.put(fullName, toStruct(outputs));
        return this;
    }

    public List<Registration> registrations() {
        return List.copyOf(registrations);
    }

    public List<Read> reads() {
        return List.copyOf(reads);
    }

    public List<Invoke> invokes() {
        return List.copyOf(invokes);
    }

    public List<LogEntry> logs() {
        return List.copyOf(logs);
    }

    public Set<String> featuresAsked() {
        return Set.copyOf(featuresAsked);
    }

    public String rootResource() {
        return rootResource;
    }

    /** Outputs passed to registerResourceOutputs, by URN. */
    public Map<String, Map<String, Object>> registeredOutputs() {
        return Map.copyOf(registeredOutputs);
    }

    /** The outputs the root stack registered (the stack's exports). */
    public Map<String, Object> stackOutputs() {
        return registrations.stream().filter(r -> r.type().equals(ROOT_TYPE)).findFirst()
                .map(r -> registeredOutputs.getOrDefault(r.urn(), Map.of())).orElse(Map.of());
    }

    public List<Registration> ofType(String type) {
        return registrations.stream().filter(r -> r.type().equals(type)).toList();
    }

    public Optional<Registration> byUrn(String urn) {
        return registrations.stream().filter(r -> r.urn().equals(urn)).findFirst();
    }

    @Override
    public void close() {
        server.shutdownNow();
        try {
            server.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- the engine's side of the program's environment -------------------------------------------------

    /**
     * PULUMI_CONFIG as the engine computes it for {@code stack}: Pulumi.yaml's project-level config (the
     * {@code value:} of each key, keys without a namespace put in the project's) overlaid by the stack file's
     * config; strings as they are, every other value as its JSON text (Go's encoding: sorted keys, compact).
     */
    public static Map<String, String> engineConfig(Path projectDir, String stack) {
        var yaml = new ObjectMapper(new YAMLFactory());
        var config = new TreeMap<String, String>();
        try {
            Map<?, ?> projectFile = yaml.readValue(projectDir.resolve("Pulumi.yaml").toFile(), Map.class);
            var projectName = String.valueOf(projectFile.get("name"));
            if (projectFile.get("config") instanceof Map<?, ?> cfg) {
                cfg.forEach((k, v) -> {
                    var value = v instanceof Map<?, ?> m && (m.containsKey("value") || m.containsKey("default"))
                            ? (m.containsKey("value") ? m.get("value") : m.get("default")) : v;
                    config.put(qualify(projectName, String.valueOf(k)), configString(value));
                });
            }
            Map<?, ?> stackFile = yaml.readValue(projectDir.resolve("Pulumi." + stack + ".yaml").toFile(), Map.class);
            if (stackFile != null && stackFile.get("config") instanceof Map<?, ?> cfg) {
                cfg.forEach((k, v) -> config.put(qualify(projectName, String.valueOf(k)), configString(v)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return config;
    }

    /**
     * The environment pulumi-language-java gives the program (its constructEnv: monitor, engine, organization,
     * project, stack, pwd, dry_run, parallel, config, config_secret_keys), on top of this JVM's environment
     * without any PULUMI_ or OpenTelemetry settings of the machine running the tests.
     */
    public Map<String, String> programEnvironment(String organization, Path pwd, boolean dryRun, Map<String, String> config) {
        var env = new LinkedHashMap<String, String>();
        System.getenv().forEach((k, v) -> {
            if (!k.startsWith("PULUMI_") && !k.startsWith("OTEL_") && !k.equals("TRACEPARENT")) {
                env.put(k, v);
            }
        });
        env.put("PULUMI_MONITOR", address());
        env.put("PULUMI_ENGINE", address());
        env.put("PULUMI_ORGANIZATION", organization);
        env.put("PULUMI_PROJECT", project);
        env.put("PULUMI_STACK", stack);
        env.put("PULUMI_PWD", pwd.toString());
        env.put("PULUMI_DRY_RUN", String.valueOf(dryRun));
        env.put("PULUMI_PARALLEL", "16");
        env.put("PULUMI_CONFIG", json(config));
        env.put("PULUMI_CONFIG_SECRET_KEYS", "[]");
        return env;
    }

    public static String json(Object value) {
        try {
            return new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true).writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String configString(Object value) {
        return value instanceof String s ? s : json(value);
    }

    private static String qualify(String project, String key) {
        return key.contains(":") ? key : project + ":" + key;
    }

    /** Copies Pulumi.yaml and every Pulumi.&lt;stack&gt;.yaml from {@code from} into {@code to}. */
    public static Path copyProjectFiles(Path from, Path to) {
        try {
            Files.createDirectories(to);
            try (var files = Files.list(from)) {
                for (var f : files.filter(p -> p.getFileName().toString().matches("Pulumi\\..*ya?ml")).toList()) {
                    Files.copy(f, to.resolve(f.getFileName()));
                }
            }
            return to;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- URNs, ids and data sources ----------------------------------------------------------------------

    /** urn:pulumi:STACK::PROJECT::[parent's qualified type$]TYPE::NAME; the root stack's type is not in the chain. */
    private String urn(String parent, String type, String name) {
        var qualified = type;
        if (!parent.isEmpty() && !ROOT_TYPE.equals(typeByUrn.get(parent))) {
            var parentParts = parent.split("::");
            qualified = parentParts[2] + "$" + type;
        }
        return "urn:pulumi:" + stack + "::" + project + "::" + qualified + "::" + name;
    }

    private static final Map<String, String> ID_PREFIXES = Map.of(
            "aws:ec2/vpc:Vpc", "vpc-",
            "aws:ec2/subnet:Subnet", "subnet-",
            "aws:ec2/routeTable:RouteTable", "rtb-",
            "aws:ec2/natGateway:NatGateway", "nat-",
            "aws:ec2/internetGateway:InternetGateway", "igw-",
            "aws:ec2transitgateway/transitGateway:TransitGateway", "tgw-",
            "aws:ec2transitgateway/routeTable:RouteTable", "tgw-rtb-",
            "aws:ec2transitgateway/vpcAttachment:VpcAttachment", "tgw-attach-",
            "aws:ec2transitgateway/peeringAttachment:PeeringAttachment", "tgw-attach-");

    private static String id(String type, String urn) {
        var hex = sha256(urn);
        if (type.startsWith("pulumi:providers:")) {
            return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                    + hex.substring(16, 20) + "-" + hex.substring(20, 32);
        }
        return ID_PREFIXES.getOrDefault(type, "id-") + hex.substring(0, 17);
    }

    private String regionOf(String providerRef) {
        if (providerRef == null || providerRef.isEmpty()) {
            return "";
        }
        var idx = providerRef.lastIndexOf("::");
        return providerRegions.getOrDefault(idx < 0 ? providerRef : providerRef.substring(0, idx), "");
    }

    private Map<String, Object> answer(String token, String region) {
        var account = "123456789012";
        return switch (token) {
            case "aws:index/getCallerIdentity:getCallerIdentity" -> Map.of("id", account, "accountId", account,
                    "arn", "arn:aws:sts::" + account + ":assumed-role/acgs2-deployer/engine-path-test",
                    "userId", "AROAENGINEPATHTEST:engine-path-test");
            case "aws:index/getPartition:getPartition" -> Map.of("id", "aws", "partition", "aws",
                    "dnsSuffix", "amazonaws.com", "reverseDnsPrefix", "com.amazonaws");
            case "aws:index/getRegion:getRegion" -> Map.of("id", region, "name", region, "description", region,
                    "endpoint", "ec2." + region + ".amazonaws.com");
            case "aws:index/getAvailabilityZones:getAvailabilityZones" -> {
                var letters = List.of("a", "b", "c", "d");
                var parts = region.split("-");
                var shortName = parts[0] + parts[1].charAt(0) + parts[2];
                yield Map.of("id", region, "names", letters.stream().map(l -> region + l).toList(),
                        "zoneIds", List.of(1, 2, 3, 4).stream().map(i -> shortName + "-az" + i).toList(),
                        "groupNames", List.of(region), "state", "available");
            }
            default -> Map.of();
        };
    }

    private final class Monitor extends ResourceMonitorGrpc.ResourceMonitorImplBase {

        @Override
        public void supportsFeature(SupportsFeatureRequest request, StreamObserver<SupportsFeatureResponse> out) {
            featuresAsked.add(request.getId());
            out.onNext(SupportsFeatureResponse.newBuilder().setHasSupport(ENGINE_FEATURES.contains(request.getId())).build());
            out.onCompleted();
        }

        @Override
        public void registerResource(RegisterResourceRequest request, StreamObserver<RegisterResourceResponse> out) {
            var urn = urn(request.getParent(), request.getType(), request.getName());
            typeByUrn.put(urn, request.getType());
            var inputs = toJava(request.getObject());
            var resourceId = request.getCustom() ? id(request.getType(), urn) : "";
            if (request.getType().startsWith("pulumi:providers:") && inputs.get("region") instanceof String r) {
                providerRegions.put(urn, r);
            }
            registrations.add(new Registration(request.getType(), request.getName(), urn, resourceId, request.getParent(),
                    request.getCustom(), request.getProvider(), Map.copyOf(request.getProvidersMap()), request.getVersion(),
                    inputs, List.copyOf(request.getDependenciesList())));
            out.onNext(RegisterResourceResponse.newBuilder().setUrn(urn).setId(resourceId).setObject(request.getObject()).build());
            out.onCompleted();
        }

        @Override
        public void registerResourceOutputs(RegisterResourceOutputsRequest request, StreamObserver<Empty> out) {
            registeredOutputs.put(request.getUrn(), toJava(request.getOutputs()));
            out.onNext(Empty.getDefaultInstance());
            out.onCompleted();
        }

        @Override
        public void readResource(ReadResourceRequest request, StreamObserver<ReadResourceResponse> out) {
            var urn = urn(request.getParent(), request.getType(), request.getName());
            reads.add(new Read(request.getType(), request.getName(), request.getId(), urn, request.getParent(),
                    toJava(request.getProperties())));
            if (request.getType().equals("kubernetes:core/v1:Secret")) {
                // a service-account token Secret read back after creation: the token controller has filled it
                var data = Struct.newBuilder().putFields("token", Value.newBuilder().setStringValue("cmVjb3JkZWQ=").build()).build();
                out.onNext(ReadResourceResponse.newBuilder().setUrn(urn).setProperties(Struct.newBuilder()
                        .putFields("data", Value.newBuilder().setStructValue(data).build()).build()).build());
                out.onCompleted();
                return;
            }
            if (!request.getType().equals("pulumi:pulumi:StackReference")) {
                out.onError(Status.UNIMPLEMENTED.withDescription("reads of " + request.getType()).asRuntimeException());
                return;
            }
            var outputs = stackReferences.get(request.getId());
            if (outputs == null) {
                out.onError(Status.NOT_FOUND.withDescription("unknown stack \"" + request.getId() + "\"").asRuntimeException());
                return;
            }
            var properties = Struct.newBuilder()
                    .putFields("name", Value.newBuilder().setStringValue(request.getId()).build())
                    .putFields("outputs", Value.newBuilder().setStructValue(outputs).build())
                    .putFields("secretOutputNames", Value.newBuilder().setListValue(ListValue.getDefaultInstance()).build())
                    .build();
            out.onNext(ReadResourceResponse.newBuilder().setUrn(urn).setProperties(properties).build());
            out.onCompleted();
        }

        @Override
        public void invoke(ResourceInvokeRequest request, StreamObserver<ResourceInvokeResponse> out) {
            invokes.add(new Invoke(request.getTok(), toJava(request.getArgs()), request.getProvider()));
            var region = regionOf(request.getProvider());
            out.onNext(ResourceInvokeResponse.newBuilder().setReturn(toStruct(answer(request.getTok(), region))).build());
            out.onCompleted();
        }

        @Override
        public void registerPackage(RegisterPackageRequest request, StreamObserver<RegisterPackageResponse> out) {
            out.onNext(RegisterPackageResponse.newBuilder().setRef(request.getName() + "@" + request.getVersion()).build());
            out.onCompleted();
        }
    }

    private final class EngineService extends EngineGrpc.EngineImplBase {

        @Override
        public void log(LogRequest request, StreamObserver<Empty> out) {
            logs.add(new LogEntry(request.getSeverity().name(), request.getMessage(), request.getUrn()));
            out.onNext(Empty.getDefaultInstance());
            out.onCompleted();
        }

        @Override
        public void getRootResource(GetRootResourceRequest request, StreamObserver<GetRootResourceResponse> out) {
            out.onNext(GetRootResourceResponse.newBuilder().setUrn(rootResource).build());
            out.onCompleted();
        }

        @Override
        public void setRootResource(SetRootResourceRequest request, StreamObserver<SetRootResourceResponse> out) {
            rootResource = request.getUrn();
            out.onNext(SetRootResourceResponse.getDefaultInstance());
            out.onCompleted();
        }
    }

    // ---- protobuf Struct <-> plain Java -----------------------------------------------------------------

    public static Map<String, Object> toJava(Struct struct) {
        var map = new LinkedHashMap<String, Object>();
        struct.getFieldsMap().forEach((k, v) -> map.put(k, toJava(v)));
        return map;
    }

    private static Object toJava(Value value) {
        return switch (value.getKindCase()) {
            case NULL_VALUE, KIND_NOT_SET -> null;
            case NUMBER_VALUE -> value.getNumberValue();
            case STRING_VALUE -> value.getStringValue();
            case BOOL_VALUE -> value.getBoolValue();
            case STRUCT_VALUE -> toJava(value.getStructValue());
            case LIST_VALUE -> {
                var list = new ArrayList<>();
                value.getListValue().getValuesList().forEach(v -> list.add(toJava(v)));
                yield list;
            }
        };
    }

    public static Struct toStruct(Map<String, ?> map) {
        var b = Struct.newBuilder();
        map.forEach((k, v) -> b.putFields(k, toValue(v)));
        return b.build();
    }

    private static Value toValue(Object v) {
        if (v == null) {
            return Value.newBuilder().setNullValue(NullValue.NULL_VALUE).build();
        } else if (v instanceof String s) {
            return Value.newBuilder().setStringValue(s).build();
        } else if (v instanceof Number n) {
            return Value.newBuilder().setNumberValue(n.doubleValue()).build();
        } else if (v instanceof Boolean bool) {
            return Value.newBuilder().setBoolValue(bool).build();
        } else if (v instanceof Map<?, ?> m) {
            var inner = new LinkedHashMap<String, Object>();
            m.forEach((k, x) -> inner.put(String.valueOf(k), x));
            return Value.newBuilder().setStructValue(toStruct(inner)).build();
        } else if (v instanceof Iterable<?> it) {
            var list = ListValue.newBuilder();
            it.forEach(x -> list.addValues(toValue(x)));
            return Value.newBuilder().setListValue(list).build();
        }
        throw new IllegalArgumentException("no protobuf Value for " + v.getClass());
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Types registered, in order, without duplicates. */
    public Set<String> types() {
        var types = new LinkedHashSet<String>();
        registrations.forEach(r -> types.add(r.type()));
        return types;
    }
}
