package io.acgs2.components.wiring;

import com.pulumi.core.Output;
import com.pulumi.kubernetes.core.v1.ConfigMap;
import com.pulumi.kubernetes.core.v1.ConfigMapArgs;
import com.pulumi.kubernetes.core.v1.ServiceAccount;
import com.pulumi.kubernetes.core.v1.ServiceAccountArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.CustomTimeouts;
import com.pulumi.resources.Resource;
import io.acgs2.components.common.Json;
import io.acgs2.components.common.PodIdentityRole;
import io.acgs2.components.kubernetes.KubernetesObject;
import io.acgs2.components.kubernetes.KubernetesObjectArgs;
import io.acgs2.components.kubernetes.KubernetesPlugin;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The services' PostgreSQL users of one domain database in one region, made at deploy time from
 * inside the VPC: a Kubernetes Job (never in the mesh) whose init container reads the master secret
 * (this region's copy) with its own Pod Identity role, allowed exactly that secret and its key
 * through Secrets Manager, into memory; its PostgreSQL client then runs {@link DatabaseGrants} as
 * the master user over TLS against the region's cluster endpoint, or its reader endpoint where the
 * cluster is a secondary (there it only checks the users replicated). The master password stays in
 * the Job's memory volume: no service ever sees it. The Job's name carries a digest of what it runs,
 * so a changed user list runs a new Job; Pulumi waits for it to complete, and the services' pods
 * wait for it.
 */
public class DatabaseUsers extends ComponentResource {

    public static final String TYPE = "acgs2:wiring:DatabaseUsers";
    /** The AWS CLI that reads the secret (Pod Identity's container credentials need 2.15+). */
    public static final String AWS_CLI_IMAGE = "public.ecr.aws/aws-cli/aws-cli:2.27.49";
    /** The PostgreSQL client (17, the databases' major). */
    public static final String POSTGRES_IMAGE = "public.ecr.aws/docker/library/postgres:17.5-alpine";
    public static final String LABEL_JOB = "acgs2.io/job";
    static final String SECRET_DIR = "/run/acgs2/master";
    static final String SQL_DIR = "/etc/acgs2/sql";

    /** The Job: the services wait for it. */
    public final Resource job;
    /** The Job's name (db-users-<domain>-<digest>). */
    public final String jobName;

    public DatabaseUsers(String name, DatabaseUsersArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        var ns = args.namespace();
        var domain = args.domain();
        var account = "db-users-" + domain;
        var provider = args.cluster().kubernetesProvider();
        var sql = DatabaseGrants.sql(args.users());
        this.jobName = account + "-" + PodIdentityRole.digest(10, sql, script(), fetchScript(), AWS_CLI_IMAGE, POSTGRES_IMAGE);
        var annotations = Map.of(ServiceWiring.ANNOTATION_DOMAINS, Json.write(Map.of(domain, args.zone())),
                ServiceWiring.ANNOTATION_REGION, args.region());
        var labels = Map.of(LABEL_JOB, account, "app.kubernetes.io/part-of", "acgs2");

        var serviceAccount = new ServiceAccount(name + "-account", ServiceAccountArgs.builder()
                .metadata(ObjectMetaArgs.builder().name(account).namespace(ns).labels(labels).annotations(annotations).build())
                .automountServiceAccountToken(false)
                .build(), KubernetesPlugin.inCluster(this, provider, List.of()));
        var identity = PodIdentityRole.create(this, name, "Pod Identity role of the database users Job of " + domain + " in "
                        + args.region() + ": its master secret only",
                Map.of(ServiceWiring.TAG_DOMAINS, ServiceWiring.tagValue(Map.of(domain, args.zone()))), args.facts().accountId(),
                Output.tuple(args.masterSecretArn(), args.masterSecretKeyArn()).applyValue(t -> policy(t.t1, t.t2, args.region())),
                args.cluster().clusterName(), ns, account, serviceAccount);
        var association = identity.association();
        var script = new ConfigMap(name + "-sql", ConfigMapArgs.builder()
                .metadata(ObjectMetaArgs.builder().name(account + "-sql").namespace(ns).labels(labels).annotations(annotations).build())
                .data(Map.of("users.sql", sql, "run.sh", script(), "fetch.sh", fetchScript()))
                .build(), KubernetesPlugin.inCluster(this, provider, List.of()));
        var egress = new KubernetesObject(name + "-egress", KubernetesObjectArgs.builder()
                .apiVersion("networking.k8s.io/v1").kind("NetworkPolicy")
                .metadata(Map.of("name", account + "-egress", "namespace", ns, "labels", labels, "annotations", annotations))
                .spec(egress(account, args.isolatedRange().toString()))
                .build(), KubernetesPlugin.inCluster(this, provider, List.of()));

        var jobMeta = new LinkedHashMap<String, Object>();
        jobMeta.put("name", jobName);
        jobMeta.put("namespace", ns);
        jobMeta.put("labels", labels);
        jobMeta.put("annotations", annotations);
        this.job = new KubernetesObject(name + "-job", KubernetesObjectArgs.builder()
                .apiVersion("batch/v1").kind("Job")
                .metadata(jobMeta)
                .spec(Output.tuple(args.writerHost(), args.readerHost(), args.masterSecretArn())
                        .applyValue(t -> jobSpec(account, args.region(), args.databaseName(), t.t1, t.t2, t.t3)))
                .build(), CustomResourceOptions.merge(
                KubernetesPlugin.inCluster(this, provider, List.of(association, script, egress)),
                // a secondary's Job retries while the primary's users replicate
                CustomResourceOptions.builder().customTimeouts(CustomTimeouts.builder()
                        .create(Duration.ofMinutes(20)).update(Duration.ofMinutes(20)).build()).build()));
        this.registerOutputs(Map.of("jobName", Output.of(jobName)));
    }

    /** GetSecretValue on exactly the region's master secret; Decrypt of its key only through Secrets Manager here. */
    static String policy(String secretArn, String keyArn, String region) {
        return Json.write(Map.of("Version", "2012-10-17", "Statement", List.of(
                Map.of("Sid", "MasterSecret", "Effect", "Allow", "Action", List.of("secretsmanager:GetSecretValue"),
                        "Resource", List.of(secretArn)),
                Map.of("Sid", "MasterSecretKey", "Effect", "Allow", "Action", List.of("kms:Decrypt"), "Resource", List.of(keyArn),
                        "Condition", Map.of("StringEquals", Map.of("kms:ViaService", "secretsmanager." + region + ".amazonaws.com"))))));
    }

    /** The init container: the secret's JSON into the memory volume. */
    static String fetchScript() {
        return """
                set -eu
                umask 077
                aws secretsmanager get-secret-value --region "$AWS_REGION" --secret-id "$MASTER_SECRET_ARN" \\
                  --query SecretString --output text > "$SECRET_DIR/secret.json"
                """;
    }

    /**
     * The client: the master user's name and password from the secret (the rotation's passwords
     * exclude quotes, backslashes and spaces, so a sed reads them), then the first endpoint that
     * answers, over TLS, runs the SQL.
     */
    static String script() {
        return """
                set -eu
                json=$(cat "$SECRET_DIR/secret.json")
                field() { printf '%s' "$json" | sed -n 's/.*"'"$1"'"[[:space:]]*:[[:space:]]*"\\([^"]*\\)".*/\\1/p'; }
                PGUSER=$(field username)
                PGPASSWORD=$(field password)
                export PGUSER PGPASSWORD
                if [ -z "$PGUSER" ] || [ -z "$PGPASSWORD" ]; then
                  echo "the master secret has no username or password" >&2
                  exit 2
                fi
                for host in "$WRITER_HOST" "$READER_HOST"; do
                  if psql -h "$host" -At -c 'SELECT 1' >/dev/null 2>&1; then
                    echo "running the users' SQL on $host"
                    exec psql -h "$host" -v ON_ERROR_STOP=1 -f "$SQL_DIR/users.sql"
                  fi
                done
                echo "neither $WRITER_HOST nor $READER_HOST accepts the master user" >&2
                exit 1
                """;
    }

    static Map<String, Object> jobSpec(String account, String region, String database, String writer, String reader, String secretArn) {
        var restricted = Map.of("allowPrivilegeEscalation", false, "readOnlyRootFilesystem", true, "runAsNonRoot", true,
                "capabilities", Map.of("drop", List.of("ALL")), "seccompProfile", Map.of("type", "RuntimeDefault"));
        var resources = Map.of("requests", Map.of("cpu", "100m", "memory", "128Mi"), "limits", Map.of("cpu", "100m", "memory", "128Mi"));
        var secretMount = Map.of("name", "master", "mountPath", SECRET_DIR);
        var tmp = Map.of("name", "tmp", "mountPath", "/tmp");
        var fetch = new LinkedHashMap<String, Object>();
        fetch.put("name", "master-secret");
        fetch.put("image", AWS_CLI_IMAGE);
        fetch.put("command", List.of("/bin/sh", "/etc/acgs2/sql/fetch.sh"));
        fetch.put("env", List.of(env("AWS_REGION", region), env("MASTER_SECRET_ARN", secretArn), env("SECRET_DIR", SECRET_DIR),
                env("HOME", "/tmp")));
        fetch.put("resources", resources);
        fetch.put("securityContext", restricted);
        fetch.put("volumeMounts", List.of(secretMount, tmp, Map.of("name", "sql", "mountPath", SQL_DIR, "readOnly", true)));
        var client = new LinkedHashMap<String, Object>();
        client.put("name", "users");
        client.put("image", POSTGRES_IMAGE);
        client.put("command", List.of("/bin/sh", "/etc/acgs2/sql/run.sh"));
        client.put("env", List.of(env("WRITER_HOST", writer), env("READER_HOST", reader), env("PGDATABASE", database),
                env("PGPORT", String.valueOf(ServiceWiring.POSTGRES_PORT)), env("PGSSLMODE", "require"), env("PGCONNECT_TIMEOUT", "10"),
                env("SECRET_DIR", SECRET_DIR), env("SQL_DIR", SQL_DIR), env("HOME", "/tmp")));
        client.put("resources", resources);
        client.put("securityContext", restricted);
        client.put("volumeMounts", List.of(secretMount, tmp, Map.of("name", "sql", "mountPath", SQL_DIR, "readOnly", true)));
        var pod = new LinkedHashMap<String, Object>();
        pod.put("serviceAccountName", account);
        pod.put("automountServiceAccountToken", false);
        pod.put("restartPolicy", "Never");
        pod.put("securityContext", Map.of("runAsNonRoot", true, "runAsUser", 10001, "runAsGroup", 10001, "fsGroup", 10001,
                "seccompProfile", Map.of("type", "RuntimeDefault")));
        pod.put("nodeSelector", Map.of(io.acgs2.components.mesh.AcgsService.LABEL_NODE_ROLE, "workloads"));
        pod.put("initContainers", List.of(fetch));
        pod.put("containers", List.of(client));
        pod.put("volumes", List.of(
                // the master password lives in memory, for the Job's life only
                Map.of("name", "master", "emptyDir", Map.of("medium", "Memory", "sizeLimit", "1Mi")),
                Map.of("name", "tmp", "emptyDir", Map.of("sizeLimit", "64Mi")),
                Map.of("name", "sql", "configMap", Map.of("name", account + "-sql", "defaultMode", 0444))));
        return Map.of(
                "backoffLimit", 6,
                "activeDeadlineSeconds", 1200,
                "template", Map.of(
                        // not in the mesh: a sidecar would keep the Job from completing
                        "metadata", Map.of("labels", Map.of(LABEL_JOB, account, "sidecar.istio.io/inject", "false")),
                        "spec", pod));
    }

    /** 5432 to the isolated range, 443 to Secrets Manager's public endpoint, and the Pod Identity agent. */
    static Map<String, Object> egress(String account, String isolatedRange) {
        return Map.of("podSelector", Map.of("matchLabels", Map.of(LABEL_JOB, account)),
                "policyTypes", List.of("Egress"),
                "egress", List.of(
                        Map.of("to", List.of(Map.of("ipBlock", Map.of("cidr", isolatedRange))),
                                "ports", List.of(Map.of("protocol", "TCP", "port", ServiceWiring.POSTGRES_PORT))),
                        Map.of("to", List.of(Map.of("ipBlock", Map.of("cidr", "0.0.0.0/0", "except", ServiceWiring.PRIVATE_RANGES))),
                                "ports", List.of(Map.of("protocol", "TCP", "port", 443))),
                        Map.of("to", List.of(Map.of("ipBlock", Map.of("cidr", ServiceWiring.POD_IDENTITY_AGENT))),
                                "ports", List.of(Map.of("protocol", "TCP", "port", 80)))));
    }

    private static Map<String, Object> env(String name, String value) {
        return Map.of("name", name, "value", value);
    }
}
