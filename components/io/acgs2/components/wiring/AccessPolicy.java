package io.acgs2.components.wiring;

import io.acgs2.components.common.Json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The IAM policy of a service's role in one region: exactly what it declared of the domains wired
 * there, every resource named (no wildcard where a resource can be named). A pure function of
 * resolved ARNs, so it is tested without an engine.
 * <ul>
 *   <li>a database: {@code rds-db:connect} as its own database user on the region's cluster (the
 *       cluster resource id names the cluster; the token is checked by the cluster it connects to);</li>
 *   <li>a bucket: List on the bucket, Get (read) and Put/Delete/AbortMultipartUpload (read-write)
 *       on its objects; the bucket key's Decrypt (and GenerateDataKey to write) only through S3 of
 *       this region ({@code kms:ViaService}); </li>
 *   <li>a cache or a topic needs no AWS permission: the cache's token and the Kafka client
 *       certificate are Kubernetes secrets of the service.</li>
 * </ul>
 */
public final class AccessPolicy {

    /** The read actions on a bucket's objects. */
    public static final List<String> OBJECT_READ = List.of("s3:GetObject", "s3:GetObjectVersion");
    /** The write actions on a bucket's objects. */
    public static final List<String> OBJECT_WRITE = List.of("s3:PutObject", "s3:DeleteObject", "s3:AbortMultipartUpload");

    private AccessPolicy() {
    }

    /** A database the service connects to: the cluster's resource id (cluster-...) and its user there. */
    public record Database(String domain, String clusterResourceId, String user) {
    }

    /** A bucket the service uses, with its key. */
    public record Bucket(String domain, String bucketArn, String kmsKeyArn, StoreAccess access) {
    }

    /** The policy document, or empty when the service needs no AWS permission here. */
    public static java.util.Optional<String> document(String partition, String region, String accountId, List<Database> databases,
                                                      List<Bucket> buckets) {
        var statements = new ArrayList<Map<String, Object>>();
        for (var db : databases) {
            statements.add(statement("Connect" + sid(db.domain()), List.of("rds-db:connect"),
                    List.of("arn:" + partition + ":rds-db:" + region + ":" + accountId + ":dbuser:" + db.clusterResourceId() + "/" + db.user()),
                    null));
        }
        for (var b : buckets) {
            var id = sid(b.domain());
            statements.add(statement("List" + id, List.of("s3:ListBucket"), List.of(b.bucketArn()), null));
            var objectActions = new ArrayList<>(OBJECT_READ);
            if (b.access().writes()) {
                objectActions.addAll(OBJECT_WRITE);
            }
            statements.add(statement("Objects" + id, objectActions, List.of(b.bucketArn() + "/*"), null));
            var keyActions = b.access().writes() ? List.of("kms:Decrypt", "kms:GenerateDataKey") : List.of("kms:Decrypt");
            statements.add(statement("Key" + id, keyActions, List.of(b.kmsKeyArn()),
                    Map.of("StringEquals", Map.of("kms:ViaService", "s3." + region + ".amazonaws.com"))));
        }
        if (statements.isEmpty()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(Json.write(Map.of("Version", "2012-10-17", "Statement", statements)));
    }

    private static Map<String, Object> statement(String sid, List<String> actions, List<String> resources, Map<String, Object> condition) {
        var s = new LinkedHashMap<String, Object>();
        s.put("Sid", sid);
        s.put("Effect", "Allow");
        s.put("Action", actions);
        s.put("Resource", resources);
        if (condition != null) {
            s.put("Condition", condition);
        }
        return s;
    }

    /** A statement id from a domain name: IAM allows only letters and digits ("gdpr-tenants" → "GdprTenants"). */
    static String sid(String domain) {
        var out = new StringBuilder();
        for (var part : domain.split("[^A-Za-z0-9]+")) {
            if (!part.isEmpty()) {
                out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return out.toString();
    }

    /** The PostgreSQL role of a service: {@code svc_} and its name with '-' as '_' (a plain identifier). */
    public static String databaseUser(String service) {
        return "svc_" + service.replace('-', '_');
    }
}
