package io.acgs2.components.platform;

import com.pulumi.aws.eks.Addon;
import com.pulumi.aws.eks.AddonArgs;
import com.pulumi.core.Output;
import com.pulumi.kubernetes.Provider;
import com.pulumi.kubernetes.ProviderArgs;
import com.pulumi.kubernetes.core.v1.Namespace;
import com.pulumi.kubernetes.core.v1.NamespaceArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.resources.CustomResourceOptions;
import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import io.acgs2.components.compute.ClusterCore;
import io.acgs2.components.kubernetes.KubernetesPlugin;
import io.acgs2.stacks.plan.PlannedResource;
import io.acgs2.stacks.plan.StackPlan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import static io.acgs2.testing.Fixtures.map;
import static io.acgs2.testing.Fixtures.one;
import static io.acgs2.testing.Fixtures.runInRegion;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * TenantResidency under the mock engine, and its admission policy evaluated with CEL as the API
 * server would: every expression and the ConfigMap's data are read back from the plan's registered
 * inputs, so what is tested is what would be sent to the cluster.
 */
class TenantResidencyTest {

    static final Map<String, List<String>> ZONES = Map.of(
            "us", List.of("us-east-1", "us-east-2"),
            "gdpr", List.of("eu-west-1", "eu-west-3"));
    static final Map<String, String> TENANTS = Map.of("acme-health", "us", "nordbank", "gdpr");

    static final String POLICY_TYPE = "kubernetes:admissionregistration.k8s.io/v1:ValidatingAdmissionPolicy";
    static final String BINDING_TYPE = "kubernetes:admissionregistration.k8s.io/v1:ValidatingAdmissionPolicyBinding";
    static final String CONFIG_MAP_TYPE = "kubernetes:core/v1:ConfigMap";

    /** kind -> [apiVersion, resource] as the API server maps them: the kinds the policy must intercept. */
    static final Map<String, List<String>> KINDS = Map.of(
            "Pod", List.of("v1", "pods"),
            "ReplicationController", List.of("v1", "replicationcontrollers"),
            "Deployment", List.of("apps/v1", "deployments"),
            "StatefulSet", List.of("apps/v1", "statefulsets"),
            "DaemonSet", List.of("apps/v1", "daemonsets"),
            "ReplicaSet", List.of("apps/v1", "replicasets"),
            "Job", List.of("batch/v1", "jobs"),
            "CronJob", List.of("batch/v1", "cronjobs"));

    private static final Map<String, StackPlan> PLANS = new ConcurrentHashMap<>();

    // ---- the stack under test ------------------------------------------------------------------------

    /** The component in a cluster of {@code region}, with the fleet's zones and tenants (planned once per region). */
    static StackPlan plan(String region) {
        return PLANS.computeIfAbsent(region, r -> plan(r, b -> b.tenants(TENANTS).zones(ZONES)));
    }

    static StackPlan plan(String region, Consumer<TenantResidencyArgs.Builder> args) {
        return runInRegion(region, r -> {
            var k8s = new Provider("k8s", ProviderArgs.builder().kubeconfig("{}").build(),
                    KubernetesPlugin.pinned(CustomResourceOptions.builder().build()));
            // stands in for the cluster's add-ons and node groups (ClusterCore.ready)
            var addon = new Addon("vpc-cni", AddonArgs.builder().clusterName("acgs2-" + region).addonName("vpc-cni").build(),
                    CustomResourceOptions.builder().provider(r.provider()).build());
            // the platform baseline's namespace, passed as an output as the baseline would
            var ns = new Namespace("platform", NamespaceArgs.builder()
                    .metadata(ObjectMetaArgs.builder().name("acgs2-platform").build()).build(),
                    KubernetesPlugin.pinned(CustomResourceOptions.builder().provider(k8s).build()));
            var core = new ClusterCore(region, Output.of("acgs2-" + region), k8s, Output.of("vpc-0123456789abcdef0"),
                    Output.of(List.of("10.20.0.0/16")), Output.of("arn:aws:iam::123456789012:oidc-provider/x"),
                    List.of(addon));
            var b = TenantResidencyArgs.builder().cluster(core)
                    .namespace(ns.metadata().applyValue(m -> m.name().orElseThrow()));
            args.accept(b);
            new TenantResidency("residency", b.build(), r.opts());
        });
    }

    static PlannedResource configMap(StackPlan plan) {
        return one(plan, CONFIG_MAP_TYPE, "residency-config");
    }

    static PlannedResource policy(StackPlan plan) {
        return one(plan, POLICY_TYPE, "residency-policy");
    }

    static PlannedResource binding(StackPlan plan) {
        return one(plan, BINDING_TYPE, "residency-binding");
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Object o) {
        return (List<Map<String, Object>>) o;
    }

    // ---- what is registered --------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"us-east-1", "eu-west-1"})
    void registersTheTableThePolicyAndItsBindingUnderTheComponentThroughTheClustersProvider(String region) {
        var plan = plan(region);
        var component = one(plan, TenantResidency.TYPE, "residency");
        var k8s = one(plan, "pulumi:providers:kubernetes", "k8s");
        var children = List.of(configMap(plan), policy(plan), binding(plan));
        for (var child : children) {
            assertEquals(component.urn(), child.parent(), child.name());
            assertEquals(k8s.urn(), child.providerUrn(), child.name() + " goes through the cluster's provider");
        }
        assertEquals(3, plan.resources().stream().filter(r -> component.urn().equals(r.parent())).count(),
                "exactly three children");

        var cm = configMap(plan);
        var meta = map(cm.inputs().get("metadata"));
        assertEquals(TenantResidency.CONFIG_MAP_NAME, meta.get("name"));
        assertEquals("acgs2-platform", meta.get("namespace"));
        assertEquals(Map.of("app.kubernetes.io/managed-by", "pulumi", "app.kubernetes.io/part-of", "acgs2"), meta.get("labels"));
        var data = map(cm.inputs().get("data"));
        assertEquals(Map.of("region", region, "tenant.acme-health", "us", "tenant.nordbank", "gdpr",
                "zone.us", "us-east-1,us-east-2", "zone.gdpr", "eu-west-1,eu-west-3"), data);
        data.keySet().forEach(k -> assertTrue(k.matches("[-._a-zA-Z0-9]+"), k + " is a valid ConfigMap key"));

        var vap = policy(plan);
        assertEquals("admissionregistration.k8s.io/v1", vap.inputs().get("apiVersion"));
        assertEquals("ValidatingAdmissionPolicy", vap.inputs().get("kind"));
        assertEquals(TenantResidency.POLICY_NAME, map(vap.inputs().get("metadata")).get("name"));
        var spec = map(vap.inputs().get("spec"));
        assertEquals("Fail", spec.get("failurePolicy"));
        assertEquals(Map.of("apiVersion", "v1", "kind", "ConfigMap"), spec.get("paramKind"));
        for (var v : list(spec.get("validations"))) {
            assertEquals("Forbidden", v.get("reason"));
            assertTrue(v.containsKey("messageExpression"));
        }

        var b = binding(plan);
        assertEquals("ValidatingAdmissionPolicyBinding", b.inputs().get("kind"));
        assertEquals(TenantResidency.POLICY_NAME, map(b.inputs().get("metadata")).get("name"));
        var bspec = map(b.inputs().get("spec"));
        assertEquals(TenantResidency.POLICY_NAME, bspec.get("policyName"));
        assertEquals(List.of("Deny"), bspec.get("validationActions"));
        assertEquals(Map.of("name", "tenant-residency-config", "namespace", "acgs2-platform", "parameterNotFoundAction", "Deny"),
                bspec.get("paramRef"));
    }

    @Test
    void theOrderIsReadyThenTableThenPolicyThenBinding() {
        var plan = plan("us-east-1");
        var cm = configMap(plan);
        var addon = one(plan, "aws:eks/addon:Addon", "vpc-cni");
        var ns = one(plan, "kubernetes:core/v1:Namespace", "platform");
        assertTrue(cm.dependencies().contains(addon.urn()), "the ConfigMap waits for the cluster's ready resources");
        assertTrue(cm.dependencies().contains(ns.urn()), "and for the namespace it lives in");
        assertTrue(policy(plan).dependencies().contains(cm.urn()), "the policy waits for its params");
        assertTrue(binding(plan).dependencies().containsAll(List.of(policy(plan).urn(), cm.urn())),
                "the binding (enforcement) comes last: " + binding(plan).dependencies());
        assertTrue(binding(plan).dependencies().contains(ns.urn()), "its paramRef namespace is the namespace's output");
    }

    @Test
    void theResourceRulesCoverExactlyTheWorkloadKindsOnCreateAndUpdate() {
        var rules = list(map(map(policy(plan("us-east-1")).inputs().get("spec")).get("matchConstraints")).get("resourceRules"));
        var covered = new TreeSet<String>();
        for (var rule : rules) {
            assertEquals(List.of("CREATE", "UPDATE"), rule.get("operations"));
            for (var g : (List<?>) rule.get("apiGroups")) {
                for (var v : (List<?>) rule.get("apiVersions")) {
                    for (var res : (List<?>) rule.get("resources")) {
                        assertTrue(covered.add((g.equals("") ? "" : g + "/") + v + " " + res), "listed once: " + res);
                    }
                }
            }
        }
        var expected = new TreeSet<String>();
        KINDS.values().forEach(av -> expected.add(av.get(0) + " " + av.get(1)));
        assertEquals(expected, covered);
    }

    @Test
    void noTenantsYetIsAccepted() {
        var plan = plan("eu-west-1", b -> b.tenants(Map.of()).zones(ZONES));
        assertEquals(Map.of("region", "eu-west-1", "zone.us", "us-east-1,us-east-2", "zone.gdpr", "eu-west-1,eu-west-3"),
                map(configMap(plan).inputs().get("data")));
    }

    // ---- the policy, evaluated ----------------------------------------------------------------------

    @Test
    void everyExpressionCompilesWithStandardCelOnly() throws Exception {
        var spec = map(policy(plan("us-east-1")).inputs().get("spec"));
        var expressions = new ArrayList<String>();
        list(spec.get("matchConditions")).forEach(m -> expressions.add((String) m.get("expression")));
        list(spec.get("variables")).forEach(m -> expressions.add((String) m.get("expression")));
        list(spec.get("validations")).forEach(m -> {
            expressions.add((String) m.get("expression"));
            expressions.add((String) m.get("messageExpression"));
        });
        assertEquals(1 + 3 + 4, expressions.size());
        for (var e : expressions) {
            assertFalse(e.contains("split("), "no Kubernetes-only string library: " + e);
            Admission.CEL.createProgram(Admission.compile(e)); // throws with the compiler's message
        }
        assertEquals(List.of("tenant", "zone", "allowed"), list(spec.get("variables")).stream().map(v -> v.get("name")).toList());
    }

    @Test
    void aGdprTenantIsDeniedInUsEast1NamingTenantZoneAndRegion() {
        var d = Admission.of(plan("us-east-1")).review(workload("Deployment", "nordbank"));
        assertFalse(d.allowed());
        assertEquals("tenant nordbank (zone gdpr) may not run in us-east-1: zone gdpr allows eu-west-1,eu-west-3", d.message());
        assertEquals(1, d.failures().size(), d.failures().toString());
    }

    @Test
    void aGdprTenantIsAdmittedInEuWest1() {
        var d = Admission.of(plan("eu-west-1")).review(workload("Deployment", "nordbank"));
        assertTrue(d.matched());
        assertTrue(d.allowed(), d.failures().toString());
    }

    @Test
    void aUsTenantIsAdmittedInUsEast1AndDeniedInEuWest1() {
        var us = Admission.of(plan("us-east-1")).review(workload("Deployment", "acme-health"));
        assertTrue(us.matched());
        assertTrue(us.allowed(), us.failures().toString());
        var eu = Admission.of(plan("eu-west-1")).review(workload("Deployment", "acme-health"));
        assertFalse(eu.allowed());
        assertEquals("tenant acme-health (zone us) may not run in eu-west-1: zone us allows us-east-1,us-east-2", eu.message());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"us-east-1", "eu-west-1"})
    void anUnknownTenantIsDeniedWithItsOwnMessageOnly(String region) {
        var d = Admission.of(plan(region)).review(workload("StatefulSet", "globex"));
        assertFalse(d.allowed());
        assertEquals("tenant globex is not in tenant-residency-config: add tenant.globex (its residency zone)"
                + " before deploying its workloads", d.message());
        assertEquals(1, d.failures().size(), "the zone check does not pile on: " + d.failures());
    }

    @Test
    void unlabelledWorkloadsArePlatformWorkloadsAndAreAdmitted() {
        var admission = Admission.of(plan("us-east-1"));
        for (var kind : KINDS.keySet()) {
            var d = admission.review(workload(kind, null));
            assertTrue(d.intercepted(), kind + " is intercepted");
            assertFalse(d.matched(), kind + ": matchConditions are false without the label");
            assertTrue(d.allowed());
        }
        // no labels at all
        var bare = workload("Pod", null);
        map(bare.get("metadata")).remove("labels");
        assertTrue(admission.review(bare).allowed());
        assertFalse(admission.review(bare).matched());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Pod", "ReplicationController", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job", "CronJob"})
    void everyWorkloadKindIsInterceptedAndJudged(String kind) {
        var us = Admission.of(plan("us-east-1"));
        var eu = Admission.of(plan("eu-west-1"));
        assertTrue(us.review(workload(kind, "nordbank")).intercepted(), kind);
        assertFalse(us.review(workload(kind, "nordbank")).allowed(), kind);
        assertTrue(eu.review(workload(kind, "nordbank")).allowed(), kind);
        assertTrue(us.review(workload(kind, "acme-health")).allowed(), kind);
        assertFalse(eu.review(workload(kind, "acme-health")).allowed(), kind);
        assertFalse(eu.review(workload(kind, "globex")).allowed(), kind);
    }

    @Test
    void otherKindsAreNotIntercepted() {
        var svc = workload("Pod", "nordbank");
        svc.put("kind", "Service");
        assertFalse(Admission.of(plan("us-east-1")).review(svc).intercepted());
    }

    @Test
    void aTableWithKeysMissingDeniesWithAReadableMessageAndNeverErrors() {
        var plan = plan("us-east-1");
        var admission = Admission.of(plan);

        var noZone = admission.withData(d -> d.remove("zone.gdpr")).review(workload("Pod", "nordbank"));
        assertEquals("tenant nordbank (zone gdpr) may not run in us-east-1: zone gdpr allows no regions", noZone.message());

        var noRegion = admission.withData(d -> d.remove("region")).review(workload("Pod", "acme-health"));
        assertFalse(noRegion.allowed());
        assertEquals("tenant acme-health (zone us) may not run in an undeclared region: zone us allows us-east-1,us-east-2",
                noRegion.message());

        var noData = admission.withData(null).review(workload("Pod", "acme-health"));
        assertFalse(noData.allowed());
        assertTrue(noData.message().startsWith("tenant acme-health is not in tenant-residency-config"), noData.message());

        // whole-name match: us-east-1 does not pass for a zone that allows only us-east-10
        var prefix = admission.withData(d -> d.put("zone.us", "us-east-10,us-east-2")).review(workload("Pod", "acme-health"));
        assertFalse(prefix.allowed(), "us-east-1 is not us-east-10");
        var last = admission.withData(d -> d.put("zone.us", "us-east-2,us-east-1")).review(workload("Pod", "acme-health"));
        assertTrue(last.allowed(), "the region may be anywhere in the list");
    }

    // ---- bad args ------------------------------------------------------------------------------------

    @Test
    void badArgsAreRejectedNamingEveryProblem() {
        var core = new ClusterCore(" ", Output.of("c"), null, Output.of("vpc"), Output.of(List.of()), Output.of("arn"), List.of());
        var e = assertThrows(IllegalArgumentException.class, () -> TenantResidencyArgs.builder()
                .cluster(core)
                .namespace("acgs2-platform")
                .zones(Map.of("gdpr", List.of("eu-west-1"), "US_Zone", List.of("us-east-1"), "apac", List.of()))
                .tenants(Map.of("nordbank", "gdpr", "acme-health", "hipaa", "NordBank", "gdpr", "globex.inc", "gdpr"))
                .build());
        var m = e.getMessage();
        assertTrue(m.contains("cluster.region: is blank"), m);
        assertTrue(m.contains("cluster.kubernetesProvider: is required"), m);
        assertTrue(m.contains("tenants.acme-health: zone 'hipaa' is not a declared zone. Fix: use one of [US_Zone, apac, gdpr]"), m);
        assertTrue(m.contains("tenants: tenant id 'NordBank' is not a lower-case DNS label"), m);
        assertTrue(m.contains("tenants: tenant id 'globex.inc' is not a lower-case DNS label"), m);
        assertTrue(m.contains("zones: zone name 'US_Zone' is not a lower-case DNS label"), m);
        assertTrue(m.contains("zones.apac: lists no regions"), m);
        assertTrue(m.startsWith("TenantResidencyArgs: 7 problems"), m);

        var missing = assertThrows(IllegalArgumentException.class, () -> TenantResidencyArgs.builder().build()).getMessage();
        for (var field : List.of("cluster", "namespace", "tenants", "zones")) {
            assertTrue(missing.contains(field + ": is required"), missing);
        }
        var badRegion = assertThrows(IllegalArgumentException.class, () -> TenantResidencyArgs.builder().cluster(core)
                .namespace("ns").tenants(Map.of()).zones(Map.of("gdpr", List.of("eu-west-1,eu-west-3"))).build()).getMessage();
        assertTrue(badRegion.contains("zones.gdpr: 'eu-west-1,eu-west-3' is not an AWS region name"), badRegion);
    }

    // ---- realistic objects ---------------------------------------------------------------------------

    /** A workload of {@code kind} as a client would send it; labelled with the tenant unless it is null. */
    static Map<String, Object> workload(String kind, String tenant) {
        var labels = new LinkedHashMap<String, Object>();
        labels.put("app.kubernetes.io/name", "ledger");
        if (tenant != null) {
            labels.put(TenantResidency.TENANT_LABEL, tenant);
        }
        var podSpec = new LinkedHashMap<String, Object>();
        podSpec.put("containers", List.of(Map.of("name", "ledger", "image", "registry.acgs2.io/ledger:1.4.2",
                "ports", List.of(Map.of("containerPort", 8080L)),
                "resources", Map.of("requests", Map.of("cpu", "250m", "memory", "256Mi")))));
        if (kind.equals("Job") || kind.equals("CronJob")) {
            podSpec.put("restartPolicy", "OnFailure");
        }
        var template = Map.of("metadata", Map.of("labels", new LinkedHashMap<>(labels)), "spec", podSpec);
        var selector = Map.of("matchLabels", Map.of("app.kubernetes.io/name", "ledger"));
        Map<String, Object> spec = switch (kind) {
            case "Pod" -> podSpec;
            case "Deployment", "ReplicaSet" -> Map.of("replicas", 3L, "selector", selector, "template", template);
            case "StatefulSet" -> Map.of("replicas", 3L, "serviceName", "ledger", "selector", selector, "template", template);
            case "DaemonSet" -> Map.of("selector", selector, "template", template);
            case "ReplicationController" -> Map.of("replicas", 2L, "selector", Map.of("app.kubernetes.io/name", "ledger"),
                    "template", template);
            case "Job" -> Map.of("backoffLimit", 4L, "template", template);
            case "CronJob" -> Map.of("schedule", "0 3 * * *", "jobTemplate", Map.of("spec", Map.of("template", template)));
            default -> throw new IllegalArgumentException(kind);
        };
        var metadata = new LinkedHashMap<String, Object>();
        metadata.put("name", "ledger");
        metadata.put("namespace", "payments");
        metadata.put("labels", labels);
        var object = new LinkedHashMap<String, Object>();
        object.put("apiVersion", KINDS.get(kind).get(0));
        object.put("kind", kind);
        object.put("metadata", metadata);
        object.put("spec", spec);
        return object;
    }

    // ---- the API server's evaluation, in small -------------------------------------------------------

    /**
     * A ValidatingAdmissionPolicy evaluated as the API server does for a CREATE: the request must
     * match a resource rule, every matchCondition must be true, then the variables are evaluated in
     * order (visible as {@code variables.<name>}) and every validation; a false one denies with its
     * messageExpression (the first denial is the response). An evaluation error fails the test: with
     * failurePolicy Fail it would deny with an unhelpful message.
     */
    record Admission(Map<String, Object> spec, Map<String, Object> params) {

        static final Cel CEL = CelFactory.standardCelBuilder()
                .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
                .addVar("object", SimpleType.DYN)
                .addVar("oldObject", SimpleType.DYN)
                .addVar("params", SimpleType.DYN)
                .addVar("variables", MapType.create(SimpleType.STRING, SimpleType.DYN))
                .build();

        record Decision(boolean intercepted, boolean matched, List<String> failures) {
            boolean allowed() {
                return failures.isEmpty();
            }

            String message() {
                return failures.isEmpty() ? null : failures.get(0);
            }
        }

        /** The policy's spec and, as params, the ConfigMap, both as registered in {@code plan}. */
        static Admission of(StackPlan plan) {
            return new Admission(map(policy(plan).inputs().get("spec")), map(configMap(plan).inputs()));
        }

        /** The same policy with the ConfigMap's data edited (null: no data at all). */
        Admission withData(Consumer<Map<String, Object>> edit) {
            var p = new HashMap<>(params);
            if (edit == null) {
                p.remove("data");
            } else {
                var data = new HashMap<>(map(params.get("data")));
                edit.accept(data);
                p.put("data", data);
            }
            return new Admission(spec, p);
        }

        Decision review(Map<String, Object> object) {
            if (!intercepts(object)) {
                return new Decision(false, false, List.of());
            }
            var vars = new HashMap<String, Object>();
            for (var c : list(spec.get("matchConditions"))) {
                if (!(Boolean) eval((String) c.get("expression"), object, vars)) {
                    return new Decision(true, false, List.of());
                }
            }
            for (var v : list(spec.get("variables"))) {
                vars.put((String) v.get("name"), eval((String) v.get("expression"), object, vars));
            }
            var failures = new ArrayList<String>();
            for (var v : list(spec.get("validations"))) {
                if (!(Boolean) eval((String) v.get("expression"), object, vars)) {
                    var message = eval((String) v.get("messageExpression"), object, vars);
                    assertInstanceOf(String.class, message);
                    failures.add((String) message);
                }
            }
            return new Decision(true, true, failures);
        }

        private boolean intercepts(Map<String, Object> object) {
            var apiVersion = (String) object.get("apiVersion");
            var group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
            var version = apiVersion.substring(apiVersion.indexOf('/') + 1);
            var kind = (String) object.get("kind");
            var known = KINDS.get(kind);
            if (known == null) {
                return false;
            }
            return list(map(spec.get("matchConstraints")).get("resourceRules")).stream().anyMatch(r ->
                    ((List<?>) r.get("apiGroups")).contains(group) && ((List<?>) r.get("apiVersions")).contains(version)
                            && ((List<?>) r.get("resources")).contains(known.get(1))
                            && ((List<?>) r.get("operations")).contains("CREATE"));
        }

        private Object eval(String expression, Map<String, Object> object, Map<String, Object> vars) {
            try {
                return CEL.createProgram(compile(expression))
                        .eval(Map.of("object", object, "params", params, "variables", Map.copyOf(vars)));
            } catch (CelEvaluationException e) {
                throw new AssertionError("CEL evaluation error (failurePolicy Fail would deny unhelpfully) in "
                        + expression + ": " + e.getMessage(), e);
            }
        }

        static dev.cel.common.CelAbstractSyntaxTree compile(String expression) {
            var result = CEL.compile(expression);
            if (result.hasError()) {
                throw new AssertionError("does not compile: " + expression + ": " + result.getErrorString());
            }
            try {
                return result.getAst();
            } catch (CelValidationException e) {
                throw new AssertionError(e);
            }
        }
    }
}
