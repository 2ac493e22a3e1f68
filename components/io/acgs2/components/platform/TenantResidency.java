package io.acgs2.components.platform;

import com.pulumi.core.Output;
import com.pulumi.kubernetes.core.v1.ConfigMap;
import com.pulumi.kubernetes.core.v1.ConfigMapArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import io.acgs2.components.kubernetes.KubernetesObject;
import io.acgs2.components.kubernetes.KubernetesObjectArgs;
import io.acgs2.components.kubernetes.KubernetesPlugin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Enforces tenant data residency in a region's cluster at admission: a workload labelled
 * {@code acgs2.io/tenant=<id>} is admitted only if the tenant's zone allows the cluster's region.
 *
 * <p>Three objects, created in this order through the cluster's Kubernetes provider:
 * <ol>
 *   <li>ConfigMap {@value #CONFIG_MAP_NAME}: {@code region}, {@code tenant.<id>} = zone,
 *       {@code zone.<zone>} = its regions joined with ','. Services read the same table.</li>
 *   <li>ValidatingAdmissionPolicy {@value #POLICY_NAME}, which takes that ConfigMap as its params.</li>
 *   <li>Its binding, denying (and denying when the ConfigMap is missing: fail closed).</li>
 * </ol>
 * Workloads without the label are platform workloads and are admitted.
 *
 * <p>Note: with the kubernetes provider's default ({@code enableConfigMapMutable} off) a change of
 * the table replaces the ConfigMap; while it is re-created, tenant workloads are denied (fail closed).
 */
public class TenantResidency extends ComponentResource {

    public static final String TYPE = "acgs2:platform:TenantResidency";
    /** The ConfigMap name the ACGS-2 guides and services use. */
    public static final String CONFIG_MAP_NAME = "tenant-residency-config";
    public static final String POLICY_NAME = "acgs2-tenant-residency";
    /** The label that marks a workload as a tenant's. */
    public static final String TENANT_LABEL = "acgs2.io/tenant";

    static final String ADMISSION_API = "admissionregistration.k8s.io/v1";

    /** The kinds whose CREATE and UPDATE are checked: everything that makes pods, and pods. */
    static final List<Map<String, Object>> RESOURCE_RULES = List.of(
            rule("", "v1", "pods", "replicationcontrollers"),
            rule("apps", "v1", "deployments", "statefulsets", "daemonsets", "replicasets"),
            rule("batch", "v1", "jobs", "cronjobs"));

    // CEL, standard functions and macros only (no split(), no Kubernetes libraries): the same text is
    // evaluated by the API server and by the tests. Every params.data read is guarded by has()/in, so a
    // missing key gives a clear denial instead of an evaluation error (which failurePolicy Fail turns
    // into an unhelpful one). Keys with '.' or '/' must be read with [] and not with field selection.
    static final String MATCH_LABELLED =
            "has(object.metadata.labels) && '" + TENANT_LABEL + "' in object.metadata.labels";
    static final String VAR_TENANT = "object.metadata.labels['" + TENANT_LABEL + "']";
    static final String VAR_ZONE = "has(params.data) && ('tenant.' + variables.tenant) in params.data"
            + " ? params.data['tenant.' + variables.tenant] : ''";
    static final String VAR_ALLOWED = "variables.zone != '' && has(params.data) && 'region' in params.data"
            + " && ('zone.' + variables.zone) in params.data"
            // ',' on both sides so eu-west-1 does not match inside eu-west-10
            + " && (',' + params.data['zone.' + variables.zone] + ',').contains(',' + params.data.region + ',')";
    static final String KNOWN = "variables.zone != ''";
    static final String KNOWN_MESSAGE = "'tenant ' + variables.tenant + ' is not in " + CONFIG_MAP_NAME
            + ": add tenant.' + variables.tenant + ' (its residency zone) before deploying its workloads'";
    // an unknown tenant passes this one, so it is denied with the message above alone
    static final String IN_ZONE = "variables.zone == '' || variables.allowed";
    static final String IN_ZONE_MESSAGE = "'tenant ' + variables.tenant + ' (zone ' + variables.zone + ') may not run in '"
            + " + (has(params.data) && 'region' in params.data ? params.data.region : 'an undeclared region')"
            + " + ': zone ' + variables.zone + ' allows '"
            + " + (has(params.data) && ('zone.' + variables.zone) in params.data"
            + " ? params.data['zone.' + variables.zone] : 'no regions')";

    /** The ConfigMap's name, known once it exists. */
    public final Output<String> configMapName;
    /** The policy's name, known once it exists. */
    public final Output<String> policyName;

    public TenantResidency(String name, TenantResidencyArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        var cluster = args.cluster();
        var provider = cluster.kubernetesProvider();

        var configMap = new ConfigMap(name + "-config", ConfigMapArgs.builder()
                .metadata(ObjectMetaArgs.builder()
                        .name(CONFIG_MAP_NAME)
                        .namespace(args.namespace())
                        .labels(managedLabels())
                        .build())
                .data(data(cluster.region(), args.tenants(), args.zones()))
                .build(),
                // the cluster's add-ons and nodes first, as for every in-cluster object
                KubernetesPlugin.pinned(CustomResourceOptions.builder().parent(this).provider(provider)
                        .dependsOn(cluster.ready()).build()));

        var policy = new KubernetesObject(name + "-policy", KubernetesObjectArgs.builder()
                .apiVersion(ADMISSION_API)
                .kind("ValidatingAdmissionPolicy")
                .metadata(Map.<String, Object>of("name", POLICY_NAME, "labels", managedLabels()))
                .spec(policySpec())
                .build(),
                // after its params exist, so it never evaluates against a missing table
                CustomResourceOptions.builder().parent(this).provider(provider).dependsOn(configMap).build());

        var binding = new KubernetesObject(name + "-binding", KubernetesObjectArgs.builder()
                .apiVersion(ADMISSION_API)
                .kind("ValidatingAdmissionPolicyBinding")
                .metadata(Map.<String, Object>of("name", POLICY_NAME, "labels", managedLabels()))
                .spec(args.namespace().applyValue(TenantResidency::bindingSpec))
                .build(),
                // enforcement starts last and, on destroy, stops first
                CustomResourceOptions.builder().parent(this).provider(provider).dependsOn(policy, configMap).build());

        this.configMapName = configMap.metadata().applyValue(m -> m.name().orElse(CONFIG_MAP_NAME));
        this.policyName = policy.metadata().applyValue(m -> String.valueOf(m.getOrDefault("name", POLICY_NAME)));
        this.registerOutputs(Map.of("configMapName", configMapName, "policyName", policyName,
                "bindingName", binding.metadata().applyValue(m -> String.valueOf(m.getOrDefault("name", POLICY_NAME)))));
    }

    /** The ConfigMap's data: the tenant -> zone -> regions table (keys match [-._a-zA-Z0-9]+). */
    static Map<String, String> data(String region, Map<String, String> tenants, Map<String, List<String>> zones) {
        var data = new LinkedHashMap<String, String>();
        data.put("region", region);
        tenants.forEach((tenant, zone) -> data.put("tenant." + tenant, zone));
        zones.forEach((zone, regions) -> data.put("zone." + zone, String.join(",", regions)));
        return data;
    }

    static Map<String, Object> policySpec() {
        var spec = new LinkedHashMap<String, Object>();
        spec.put("failurePolicy", "Fail");
        spec.put("paramKind", Map.of("apiVersion", "v1", "kind", "ConfigMap"));
        spec.put("matchConstraints", Map.of("resourceRules", RESOURCE_RULES));
        spec.put("matchConditions", List.of(Map.of("name", "tenant-labelled", "expression", MATCH_LABELLED)));
        spec.put("variables", List.of(
                Map.of("name", "tenant", "expression", VAR_TENANT),
                Map.of("name", "zone", "expression", VAR_ZONE),
                Map.of("name", "allowed", "expression", VAR_ALLOWED)));
        spec.put("validations", List.of(
                Map.of("expression", KNOWN, "messageExpression", KNOWN_MESSAGE,
                        // shown if the message expression itself fails
                        "message", "the workload's " + TENANT_LABEL + " tenant is not in " + CONFIG_MAP_NAME,
                        "reason", "Forbidden"),
                Map.of("expression", IN_ZONE, "messageExpression", IN_ZONE_MESSAGE,
                        "message", "the workload's tenant may not run in this region (see " + CONFIG_MAP_NAME + ")",
                        "reason", "Forbidden")));
        return spec;
    }

    static Map<String, Object> bindingSpec(String namespace) {
        return Map.of(
                "policyName", POLICY_NAME,
                "validationActions", List.of("Deny"),
                // a namespaced paramKind needs its namespace; without the ConfigMap, deny (fail closed)
                "paramRef", Map.of("name", CONFIG_MAP_NAME, "namespace", namespace, "parameterNotFoundAction", "Deny"));
    }

    private static Map<String, String> managedLabels() {
        return Map.of("app.kubernetes.io/managed-by", "pulumi", "app.kubernetes.io/part-of", "acgs2");
    }

    private static Map<String, Object> rule(String group, String version, String... resources) {
        return Map.of("apiGroups", List.of(group), "apiVersions", List.of(version),
                "operations", List.of("CREATE", "UPDATE"), "resources", List.of(resources), "scope", "Namespaced");
    }
}
