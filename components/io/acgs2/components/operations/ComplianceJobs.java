package io.acgs2.components.operations;

import com.pulumi.core.Output;
import com.pulumi.kubernetes.core.v1.ConfigMap;
import com.pulumi.kubernetes.core.v1.ConfigMapArgs;
import com.pulumi.kubernetes.core.v1.ServiceAccount;
import com.pulumi.kubernetes.core.v1.ServiceAccountArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import io.acgs2.components.common.AwsFacts;
import io.acgs2.components.common.Json;
import io.acgs2.components.common.PodIdentityRole;
import io.acgs2.components.compute.ClusterCore;
import io.acgs2.components.kubernetes.KubernetesObject;
import io.acgs2.components.kubernetes.KubernetesObjectArgs;
import io.acgs2.components.kubernetes.KubernetesPlugin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The GDPR/PIPL compliance jobs of a cluster, at the guides' schedules: {@value AlertRules#DAILY_JOB}
 * (02:00 UTC; the residency checks) and {@value AlertRules#WEEKLY_JOB} (Sunday 03:00 UTC; also the
 * week's backup copies). Each run: the AWS CLI records what the region's APIs say (databases and
 * global databases, caches and global datastores, buckets with their tags and replication, backup
 * copy jobs) through a read-only Pod Identity role; the checker ({@code ComplianceChecker.java},
 * this project's code, shipped in a ConfigMap and run by the JDK's source launcher) verifies them
 * and the cluster's tenant pods and mirrors against the residency ConfigMap (a read-only
 * ClusterRole); the report goes to the region's report bucket (of its zone) and the result to
 * CloudWatch ({@value Dashboards#COMPLIANCE_NAMESPACE}); a breach fails the Job, which alerts
 * (ComplianceVerificationFailed). Pods are Pod Security restricted, outside the mesh, their egress
 * only the AWS APIs, the API server and the Pod Identity agent.
 */
public class ComplianceJobs extends ComponentResource {

    public static final String TYPE = "acgs2:operations:ComplianceJobs";
    public static final String CHECKER_RESOURCE = "/io/acgs2/checker/ComplianceChecker.java";
    /** A JDK (the source launcher compiles the checker in memory). */
    public static final String JDK_IMAGE = "public.ecr.aws/docker/library/eclipse-temurin:21.0.7_6-jdk-alpine-3.21";
    public static final String AWS_CLI_IMAGE = io.acgs2.components.wiring.DatabaseUsers.AWS_CLI_IMAGE;
    public static final String ACCOUNT = "compliance-checker";
    static final String DAILY_CHECKS = "tenant-pods,mirror-topics,database-members,cache-members,bucket-placement";
    static final String WEEKLY_CHECKS = DAILY_CHECKS + ",backup-copies";

    /**
     * @param namespace       the jobs' namespace (the residency ConfigMap's, Pod Security restricted)
     * @param reportBucket    the region's report bucket and its key
     */
    public ComplianceJobs(String name, String region, ClusterCore cluster, AwsFacts facts, String namespace, ComplianceSettings schedules,
                          Output<String> reportBucket, Output<String> reportBucketArn, Output<String> reportKeyArn,
                          ComponentResourceOptions options) {
        super(TYPE, name, options);
        var provider = cluster.kubernetesProvider();
        var labels = Map.of("app.kubernetes.io/name", ACCOUNT, "app.kubernetes.io/part-of", "acgs2");
        var account = new ServiceAccount(name + "-account", ServiceAccountArgs.builder()
                .metadata(ObjectMetaArgs.builder().name(ACCOUNT).namespace(namespace).labels(labels).build())
                .automountServiceAccountToken(false)
                .build(), KubernetesPlugin.inCluster(this, provider, cluster.ready()));
        var role = new com.pulumi.kubernetes.rbac.v1.ClusterRole(name + "-reader", com.pulumi.kubernetes.rbac.v1.ClusterRoleArgs.builder()
                .metadata(ObjectMetaArgs.builder().name("acgs2-compliance-reader").labels(labels).build())
                .rules(com.pulumi.kubernetes.rbac.v1.inputs.PolicyRuleArgs.builder()
                                .apiGroups("").resources("pods", "configmaps", "namespaces").verbs("get", "list").build(),
                        com.pulumi.kubernetes.rbac.v1.inputs.PolicyRuleArgs.builder()
                                .apiGroups("kafka.strimzi.io").resources("kafkamirrormaker2s", "kafkatopics").verbs("get", "list").build())
                .build(), KubernetesPlugin.inCluster(this, provider, cluster.ready()));
        var binding = new com.pulumi.kubernetes.rbac.v1.ClusterRoleBinding(name + "-reader-binding",
                com.pulumi.kubernetes.rbac.v1.ClusterRoleBindingArgs.builder()
                        .metadata(ObjectMetaArgs.builder().name("acgs2-compliance-reader").labels(labels).build())
                        .roleRef(com.pulumi.kubernetes.rbac.v1.inputs.RoleRefArgs.builder()
                                .apiGroup("rbac.authorization.k8s.io").kind("ClusterRole").name("acgs2-compliance-reader").build())
                        .subjects(com.pulumi.kubernetes.rbac.v1.inputs.SubjectArgs.builder()
                                .kind("ServiceAccount").name(ACCOUNT).namespace(namespace).build())
                        .build(), KubernetesPlugin.inCluster(this, provider, List.of(role)));
        var identity = PodIdentityRole.create(this, name, "Read-only role of the compliance jobs in " + region + ": describes the data "
                        + "stores, writes only the reports and their metrics", Map.of(), facts.accountId(),
                Output.tuple(reportBucketArn, reportKeyArn).applyValue(t -> awsPolicy(region, t.t1, t.t2)), cluster.clusterName(),
                namespace, ACCOUNT, account);
        var scripts = new ConfigMap(name + "-scripts", ConfigMapArgs.builder()
                .metadata(ObjectMetaArgs.builder().name("compliance-checker").namespace(namespace).labels(labels).build())
                .data(Map.of("ComplianceChecker.java", checkerSource(), "record.sh", recordScript(), "publish.sh", publishScript()))
                .build(), KubernetesPlugin.inCluster(this, provider, cluster.ready()));
        var egress = new KubernetesObject(name + "-egress", KubernetesObjectArgs.builder()
                .apiVersion("networking.k8s.io/v1").kind("NetworkPolicy")
                .metadata(Map.of("name", "compliance-checker-egress", "namespace", namespace, "labels", labels))
                .spec(Map.of("podSelector", Map.of("matchLabels", Map.of("app.kubernetes.io/name", ACCOUNT)), "policyTypes", List.of("Egress"),
                        "egress", List.of(
                                Map.of("to", List.of(Map.of("ipBlock", Map.of("cidr", "0.0.0.0/0", "except",
                                        List.of("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10")))),
                                        "ports", List.of(Map.of("protocol", "TCP", "port", 443))),
                                Map.of("to", List.of(Map.of("ipBlock", Map.of("cidr", "169.254.170.23/32"))),
                                        "ports", List.of(Map.of("protocol", "TCP", "port", 80))))))
                .build(), KubernetesPlugin.inCluster(this, provider, cluster.ready()));
        var after = List.<com.pulumi.resources.Resource>of(identity.association(), scripts, egress, binding);
        for (var job : List.of(List.of(AlertRules.DAILY_JOB, schedules.daily(), DAILY_CHECKS),
                List.of(AlertRules.WEEKLY_JOB, schedules.weekly(), WEEKLY_CHECKS))) {
            new KubernetesObject(name + "-" + job.get(0), KubernetesObjectArgs.builder()
                    .apiVersion("batch/v1").kind("CronJob")
                    .metadata(Map.of("name", job.get(0), "namespace", namespace, "labels", labels))
                    .spec(Output.tuple(reportBucket, reportKeyArn).applyValue(t -> cronJob(job.get(0), job.get(1), job.get(2), region, namespace,
                            t.t1, t.t2)))
                    .build(), KubernetesPlugin.inCluster(this, provider, after));
        }
        this.registerOutputs(Map.of());
    }

    /** The checker's source, as the program ships it and the tests run it. */
    public static String checkerSource() {
        try (var in = ComplianceJobs.class.getResourceAsStream(CHECKER_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(CHECKER_RESOURCE + " is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Describe and list only (these actions name no resource), the reports written under the region's
     * prefix with the bucket's key through S3, metrics only in the compliance namespace.
     */
    static String awsPolicy(String region, String bucketArn, String keyArn) {
        return Json.write(Map.of("Version", "2012-10-17", "Statement", List.of(
                Map.of("Sid", "DescribeDataStores", "Effect", "Allow", "Resource", "*", "Action", List.of(
                        "rds:DescribeDBClusters", "rds:DescribeGlobalClusters", "elasticache:DescribeReplicationGroups",
                        "elasticache:DescribeGlobalReplicationGroups", "elasticache:ListTagsForResource", "s3:ListAllMyBuckets",
                        "s3:GetBucketLocation", "s3:GetBucketTagging", "s3:GetReplicationConfiguration", "backup:ListCopyJobs")),
                Map.of("Sid", "WriteReports", "Effect", "Allow", "Action", List.of("s3:PutObject"), "Resource", List.of(bucketArn + "/" + region + "/*")),
                Map.of("Sid", "ReportKey", "Effect", "Allow", "Action", List.of("kms:GenerateDataKey"), "Resource", List.of(keyArn),
                        "Condition", Map.of("StringEquals", Map.of("kms:ViaService", "s3." + region + ".amazonaws.com"))),
                Map.of("Sid", "ComplianceMetrics", "Effect", "Allow", "Action", List.of("cloudwatch:PutMetricData"), "Resource", "*",
                        "Condition", Map.of("StringEquals", Map.of("cloudwatch:namespace", Dashboards.COMPLIANCE_NAMESPACE))))));
    }

    /** The init container: what the region's APIs say, as JSON files the checker reads. */
    static String recordScript() {
        return """
                set -eu
                cd "$INPUT_DIR"
                aws rds describe-db-clusters --output json > rds-clusters.json
                aws rds describe-global-clusters --output json > rds-global.json
                aws elasticache describe-global-replication-groups --show-member-info --output json > cache-global.json
                {
                  printf '{"ReplicationGroups":['
                  sep=''
                  for arn in $(aws elasticache describe-replication-groups --query 'ReplicationGroups[].ARN' --output text); do
                    id=${arn##*:}
                    global=$(aws elasticache describe-replication-groups --replication-group-id "$id" \\
                      --query 'ReplicationGroups[0].GlobalReplicationGroupInfo.GlobalReplicationGroupId' --output text)
                    tags=$(aws elasticache list-tags-for-resource --resource-name "$arn" --query TagList --output json)
                    printf '%s{"ReplicationGroupId":"%s","ARN":"%s","GlobalReplicationGroupInfo":{"GlobalReplicationGroupId":"%s"},"Tags":%s}' \\
                      "$sep" "$id" "$arn" "$global" "$tags"
                    sep=','
                  done
                  printf ']}'
                } > cache-groups.json
                {
                  printf '['
                  sep=''
                  for b in $(aws s3api list-buckets --query "Buckets[?starts_with(Name, 'acgs2-')].Name" --output text); do
                    loc=$(aws s3api get-bucket-location --bucket "$b" --query LocationConstraint --output text)
                    tags=$(aws s3api get-bucket-tagging --bucket "$b" --query TagSet --output json 2>/dev/null || echo '[]')
                    rules=$(aws s3api get-bucket-replication --bucket "$b" --query ReplicationConfiguration.Rules --output json 2>/dev/null || echo '[]')
                    printf '%s{"Name":"%s","LocationConstraint":"%s","Tags":%s,"ReplicationRules":%s}' "$sep" "$b" "$loc" "$tags" "$rules"
                    sep=','
                  done
                  printf ']'
                } > buckets.json
                aws backup list-copy-jobs --by-created-after "$(date -u -d '-8 days' +%Y-%m-%dT%H:%M:%SZ)" --output json > backup-copies.json
                """;
    }

    /** The last container: the report to the region's bucket, the result to CloudWatch; a breach fails the Job. */
    static String publishScript() {
        return """
                set -eu
                passed=$(cut -d' ' -f1 "$OUTPUT_DIR/counts")
                failed=$(cut -d' ' -f2 "$OUTPUT_DIR/counts")
                aws s3 cp "$OUTPUT_DIR/report.json" "s3://$REPORT_BUCKET/$AWS_REGION/$JOB_NAME-$(date -u +%Y%m%dT%H%M%SZ).json" \\
                  --sse aws:kms --sse-kms-key-id "$REPORT_KEY"
                aws cloudwatch put-metric-data --namespace ACGS2/Compliance --metric-data \\
                  "MetricName=ChecksFailed,Value=$failed,Dimensions=[{Name=Region,Value=$AWS_REGION}]" \\
                  "MetricName=ChecksPassed,Value=$passed,Dimensions=[{Name=Region,Value=$AWS_REGION}]"
                cat "$OUTPUT_DIR/report.json"
                [ "$(cat "$OUTPUT_DIR/status")" = passed ]
                """;
    }

    static Map<String, Object> cronJob(String name, String schedule, String checks, String region, String namespace, String bucket,
                                       String keyArn) {
        var restricted = Map.of("allowPrivilegeEscalation", false, "readOnlyRootFilesystem", true, "runAsNonRoot", true,
                "capabilities", Map.of("drop", List.of("ALL")), "seccompProfile", Map.of("type", "RuntimeDefault"));
        var small = Map.of("requests", Map.of("cpu", "100m", "memory", "256Mi"), "limits", Map.of("cpu", "500m", "memory", "256Mi"));
        List<Map<String, Object>> mounts = List.of(Map.of("name", "work", "mountPath", "/run/acgs2"), Map.of("name", "tmp", "mountPath", "/tmp"),
                Map.of("name", "scripts", "mountPath", "/etc/acgs2/compliance", "readOnly", true));
        List<Map<String, Object>> env = List.of(env("AWS_REGION", region), env("INPUT_DIR", "/run/acgs2/input"), env("OUTPUT_DIR", "/run/acgs2/output"),
                env("HOME", "/tmp"), env("JOB_NAME", name), env("CHECKS", checks), env("RESIDENCY_NAMESPACE", namespace),
                env("REPORT_BUCKET", bucket), env("REPORT_KEY", keyArn));
        var record = container("record", AWS_CLI_IMAGE, List.of("/bin/sh", "-c", "mkdir -p $INPUT_DIR $OUTPUT_DIR && /bin/sh /etc/acgs2/compliance/record.sh"),
                env, mounts, restricted, small);
        var check = container("check", JDK_IMAGE, List.of("java", "-XX:+UseSerialGC", "-Xmx192m", "/etc/acgs2/compliance/ComplianceChecker.java"),
                env, mounts, restricted, small);
        var publish = container("publish", AWS_CLI_IMAGE, List.of("/bin/sh", "/etc/acgs2/compliance/publish.sh"), env, mounts, restricted, small);
        var pod = new LinkedHashMap<String, Object>();
        pod.put("serviceAccountName", ACCOUNT);
        // the checker reads the Kubernetes API with its own token
        pod.put("automountServiceAccountToken", true);
        pod.put("restartPolicy", "Never");
        pod.put("securityContext", Map.of("runAsNonRoot", true, "runAsUser", 10001, "runAsGroup", 10001, "fsGroup", 10001,
                "seccompProfile", Map.of("type", "RuntimeDefault")));
        pod.put("nodeSelector", Map.of(io.acgs2.components.mesh.AcgsService.LABEL_NODE_ROLE, "workloads"));
        pod.put("initContainers", List.of(record, check));
        pod.put("containers", List.of(publish));
        pod.put("volumes", List.of(Map.of("name", "work", "emptyDir", Map.of("sizeLimit", "64Mi")),
                Map.of("name", "tmp", "emptyDir", Map.of("sizeLimit", "256Mi")),
                Map.of("name", "scripts", "configMap", Map.of("name", "compliance-checker", "defaultMode", 0444))));
        var spec = new LinkedHashMap<String, Object>();
        spec.put("schedule", schedule);
        spec.put("timeZone", "Etc/UTC");
        spec.put("concurrencyPolicy", "Forbid");
        spec.put("startingDeadlineSeconds", 3600);
        spec.put("successfulJobsHistoryLimit", 3);
        spec.put("failedJobsHistoryLimit", 3);
        spec.put("jobTemplate", Map.of("spec", Map.of("backoffLimit", 0, "activeDeadlineSeconds", 1800,
                "template", Map.of("metadata", Map.of("labels", Map.of("app.kubernetes.io/name", ACCOUNT, "sidecar.istio.io/inject", "false")),
                        "spec", pod))));
        return spec;
    }

    private static Map<String, Object> container(String name, String image, List<String> command, List<Map<String, Object>> env,
                                                 List<Map<String, Object>> mounts, Map<String, ?> security, Map<String, ?> resources) {
        var c = new LinkedHashMap<String, Object>();
        c.put("name", name);
        c.put("image", image);
        c.put("command", command);
        c.put("env", env);
        c.put("resources", resources);
        c.put("securityContext", security);
        c.put("volumeMounts", mounts);
        return c;
    }

    private static Map<String, Object> env(String name, String value) {
        return Map.of("name", name, "value", value);
    }
}
