// The ACGS-2 compliance checker: verifies from live state that every tenant's data and workload stays in
// the regions of its zone. A single source file on the JDK alone, run by the compliance CronJobs as
// `java ComplianceChecker.java` (JEP 330) on a pinned JDK image; shipped in a ConfigMap by the program
// (components/.../operations/ComplianceJobs) and tested by ComplianceCheckerTest on recorded API answers.
//
// Input: $INPUT_DIR holds what the AWS CLI recorded (rds-clusters.json, rds-global.json, cache-groups.json,
// cache-global.json, buckets.json, backup-copies.json); the Kubernetes API is read with the pod's service
// account, or from $KUBE_DIR (pods.json, residency.json, mirrors.json) when set. $CHECKS lists the checks
// (default: all). Output: $OUTPUT_DIR/report.json and $OUTPUT_DIR/status ("passed" or "failed").
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

public class ComplianceChecker {

    static final List<String> ALL = List.of("tenant-pods", "mirror-topics", "database-members", "cache-members", "bucket-placement",
            "backup-copies");
    static final String GLOBAL = "global";

    public static void main(String[] args) throws Exception {
        var env = System.getenv();
        var input = Path.of(env.getOrDefault("INPUT_DIR", "/run/acgs2/input"));
        var output = Path.of(env.getOrDefault("OUTPUT_DIR", "/run/acgs2/output"));
        var checks = env.containsKey("CHECKS") ? List.of(env.get("CHECKS").split(",")) : ALL;
        var kube = env.containsKey("KUBE_DIR") ? new Kube(Path.of(env.get("KUBE_DIR"))) : new Kube(null);
        var residency = kube.residency();
        var region = str(get(residency, "data", "region"));
        var report = new ComplianceChecker(region, zones(residency)).run(checks, input, kube);
        Files.createDirectories(output);
        var failed = report.values().stream().mapToInt(List::size).sum();
        var doc = new LinkedHashMap<String, Object>();
        doc.put("region", region);
        doc.put("time", Instant.now().toString());
        doc.put("job", env.getOrDefault("JOB_NAME", "manual"));
        var checkDocs = new LinkedHashMap<String, Object>();
        report.forEach((name, findings) -> {
            var check = new LinkedHashMap<String, Object>();
            check.put("passed", findings.isEmpty());
            check.put("findings", findings);
            checkDocs.put(name, check);
        });
        doc.put("checks", checkDocs);
        doc.put("failed", failed);
        Files.writeString(output.resolve("report.json"), Json.write(doc));
        Files.writeString(output.resolve("status"), failed == 0 ? "passed" : "failed");
        Files.writeString(output.resolve("counts"), (report.size() - report.values().stream().filter(f -> !f.isEmpty()).count())
                + " " + report.values().stream().filter(f -> !f.isEmpty()).count());
        System.out.println(failed == 0 ? "compliance: every check passed in " + region : "compliance: " + failed + " finding(s) in " + region);
        report.forEach((name, findings) -> findings.forEach(f -> System.out.println("  " + name + ": " + f)));
    }

    final String region;
    /** zone → its regions (from the residency ConfigMap: zone.<name> = comma-separated regions). */
    final Map<String, List<String>> zones;

    ComplianceChecker(String region, Map<String, List<String>> zones) {
        this.region = region;
        this.zones = zones;
    }

    Map<String, List<String>> run(List<String> checks, Path input, Kube kube) throws IOException {
        var report = new LinkedHashMap<String, List<String>>();
        for (var check : checks) {
            var findings = new ArrayList<String>();
            switch (check) {
                case "tenant-pods" -> tenantPods(kube.pods(), kube.residency(), findings);
                case "mirror-topics" -> mirrorTopics(kube.mirrors(), findings);
                case "database-members" -> databaseMembers(read(input, "rds-clusters.json"), read(input, "rds-global.json"), findings);
                case "cache-members" -> cacheMembers(read(input, "cache-groups.json"), read(input, "cache-global.json"), findings);
                case "bucket-placement" -> bucketPlacement(read(input, "buckets.json"), findings);
                case "backup-copies" -> backupCopies(read(input, "backup-copies.json"), read(input, "rds-clusters.json"),
                        read(input, "buckets.json"), findings);
                default -> findings.add("unknown check " + check);
            }
            report.put(check, findings);
        }
        return report;
    }

    /** Whether a zone allows a region (global data may live anywhere). */
    boolean allows(String zone, String r) {
        return GLOBAL.equals(zone) || zones.getOrDefault(zone, List.of()).contains(r);
    }

    void tenantPods(Object pods, Object residency, List<String> findings) {
        for (var pod : list(get(pods, "items"))) {
            var tenant = str(get(pod, "metadata", "labels", "acgs2.io/tenant"));
            if (tenant == null) {
                continue;
            }
            var name = get(pod, "metadata", "namespace") + "/" + get(pod, "metadata", "name");
            var zone = str(get(residency, "data", "tenant." + tenant));
            if (zone == null) {
                findings.add("pod " + name + " runs for tenant " + tenant + ", whom the residency ConfigMap does not know");
            } else if (!allows(zone, region)) {
                findings.add("pod " + name + " of tenant " + tenant + " (zone " + zone + ") runs in " + region + ", outside " + zones.get(zone));
            }
        }
    }

    void mirrorTopics(Object mirrors, List<String> findings) {
        for (var mm : list(get(mirrors, "items"))) {
            var name = str(get(mm, "metadata", "name"));
            var topics = map(Json.parse(String.valueOf(get(mm, "metadata", "annotations", "acgs2.io/mirrored-topics"))));
            var regions = map(Json.parse(String.valueOf(get(mm, "metadata", "annotations", "acgs2.io/cluster-regions"))));
            var expected = String.join("|", new TreeMap<>(topics).keySet().stream().map(t -> t.replace(".", "\\.")).toList());
            var target = str(get(mm, "spec", "target", "alias"));
            for (var m : list(get(mm, "spec", "mirrors"))) {
                var pattern = str(get(m, "topicsPattern"));
                if (!expected.equals(pattern)) {
                    findings.add("mirror " + name + " topicsPattern " + pattern + " is not exactly its declared topics " + expected);
                }
                for (var alias : List.of(String.valueOf(get(m, "source", "alias")), String.valueOf(target))) {
                    var r = str(regions.get(alias));
                    topics.forEach((topic, zone) -> {
                        if (r == null || !allows(String.valueOf(zone), r)) {
                            findings.add("mirror " + name + " moves topic " + topic + " (zone " + zone + ") through " + alias
                                    + (r == null ? ", a cluster of no declared region" : " in " + r + ", outside the zone"));
                        }
                    });
                }
            }
        }
    }

    void databaseMembers(Object clusters, Object globals, List<String> findings) {
        var zoneOfGlobal = new TreeMap<String, String>();
        for (var c : list(get(clusters, "DBClusters"))) {
            var zone = tag(get(c, "TagList"), "acgs2:data-zone");
            var arn = str(get(c, "DBClusterArn"));
            if (zone == null) {
                findings.add("database " + arn + " has no acgs2:data-zone tag");
                continue;
            }
            if (!allows(zone, regionOfArn(arn))) {
                findings.add("database " + arn + " of zone " + zone + " is in " + regionOfArn(arn) + ", outside the zone");
            }
            var global = str(get(c, "GlobalClusterIdentifier"));
            if (global != null) {
                zoneOfGlobal.put(global, zone);
            }
        }
        for (var g : list(get(globals, "GlobalClusters"))) {
            var id = str(get(g, "GlobalClusterIdentifier"));
            var zone = zoneOfGlobal.get(id);
            if (zone == null) {
                continue; // not a member here
            }
            for (var m : list(get(g, "GlobalClusterMembers"))) {
                var arn = str(get(m, "DBClusterArn"));
                if (!allows(zone, regionOfArn(arn))) {
                    findings.add("global database " + id + " (zone " + zone + ") has a member in " + regionOfArn(arn) + ": " + arn);
                }
            }
        }
    }

    void cacheMembers(Object groups, Object globals, List<String> findings) {
        var zoneOfGlobal = new TreeMap<String, String>();
        for (var g : list(get(groups, "ReplicationGroups"))) {
            var zone = tag(get(g, "Tags"), "acgs2:data-zone");
            var global = str(get(g, "GlobalReplicationGroupInfo", "GlobalReplicationGroupId"));
            if (zone == null) {
                findings.add("cache " + get(g, "ReplicationGroupId") + " has no acgs2:data-zone tag");
            } else if (global != null) {
                zoneOfGlobal.put(global, zone);
            }
        }
        for (var g : list(get(globals, "GlobalReplicationGroups"))) {
            var id = str(get(g, "GlobalReplicationGroupId"));
            var zone = zoneOfGlobal.get(id);
            if (zone == null) {
                continue;
            }
            for (var m : list(get(g, "Members"))) {
                var r = str(get(m, "ReplicationGroupRegion"));
                if (!allows(zone, r)) {
                    findings.add("cache datastore " + id + " (zone " + zone + ") has a member in " + r);
                }
            }
        }
    }

    void bucketPlacement(Object buckets, List<String> findings) {
        for (var b : list(buckets)) {
            var name = str(get(b, "Name"));
            var zone = tag(get(b, "Tags"), "acgs2:data-zone");
            var location = str(get(b, "LocationConstraint"));
            // S3 answers no LocationConstraint (the CLI prints None) for us-east-1
            var r = location == null || location.isEmpty() || location.equals("None") ? "us-east-1" : location;
            if (zone == null) {
                findings.add("bucket " + name + " has no acgs2:data-zone tag");
                continue;
            }
            if (!allows(zone, r)) {
                findings.add("bucket " + name + " of zone " + zone + " is in " + r + ", outside the zone");
            }
            for (var rule : list(get(b, "ReplicationRules"))) {
                var dest = str(get(rule, "Destination", "Bucket"));
                var destRegion = regionOfBucket(dest);
                if (destRegion == null || !allows(zone, destRegion)) {
                    findings.add("bucket " + name + " (zone " + zone + ") replicates to " + dest
                            + (destRegion == null ? ", whose region cannot be proven" : " in " + destRegion + ", outside the zone"));
                }
            }
        }
    }

    void backupCopies(Object copies, Object clusters, Object buckets, List<String> findings) {
        var zoneOf = new TreeMap<String, String>();
        for (var c : list(get(clusters, "DBClusters"))) {
            zoneOf.put(str(get(c, "DBClusterArn")), tag(get(c, "TagList"), "acgs2:data-zone"));
        }
        for (var b : list(buckets)) {
            zoneOf.put("arn:aws:s3:::" + get(b, "Name"), tag(get(b, "Tags"), "acgs2:data-zone"));
        }
        for (var job : list(get(copies, "CopyJobs"))) {
            var resource = str(get(job, "ResourceArn"));
            var dest = str(get(job, "DestinationBackupVaultArn"));
            var zone = zoneOf.get(resource);
            var destRegion = regionOfArn(dest);
            if (zone == null) {
                findings.add("backup copy " + get(job, "CopyJobId") + " of " + resource + ", whose zone is not known here");
            } else if (!allows(zone, destRegion)) {
                findings.add("backup copy " + get(job, "CopyJobId") + " of " + resource + " (zone " + zone + ") went to " + destRegion
                        + ", outside the zone");
            }
        }
    }

    static String regionOfArn(String arn) {
        var parts = arn == null ? new String[0] : arn.split(":");
        return parts.length > 3 ? parts[3] : "";
    }

    /** acgs2-<what>-<region>-<account>: the platform's buckets state their region. */
    static String regionOfBucket(String arnOrName) {
        var name = arnOrName == null ? "" : arnOrName.replaceFirst("^arn:[^:]*:s3:::", "");
        var m = java.util.regex.Pattern.compile("^acgs2-[a-z0-9-]+-([a-z]{2}(?:-gov)?-[a-z]+-\\d)-\\d{12}$").matcher(name);
        return m.matches() ? m.group(1) : null;
    }

    static Map<String, List<String>> zones(Object residency) {
        var out = new TreeMap<String, List<String>>();
        map(get(residency, "data")).forEach((k, v) -> {
            if (k.startsWith("zone.")) {
                out.put(k.substring(5), List.of(String.valueOf(v).split(",")));
            }
        });
        return out;
    }

    static String tag(Object tags, String key) {
        for (var t : list(tags)) {
            if (key.equals(str(get(t, "Key")))) {
                return str(get(t, "Value"));
            }
        }
        return null;
    }

    static Object read(Path dir, String file) throws IOException {
        var p = dir.resolve(file);
        return Files.exists(p) ? Json.parse(Files.readString(p)) : Map.of();
    }

    static Object get(Object o, String... path) {
        for (var k : path) {
            if (!(o instanceof Map<?, ?> m)) {
                return null;
            }
            o = m.get(k);
        }
        return o;
    }

    static String str(Object o) {
        return o == null ? null : String.valueOf(o);
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object o) {
        return o instanceof List<?> l ? (List<Object>) l : List.of();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    /** The Kubernetes API, read with the pod's service account (or recorded answers from a directory). */
    record Kube(Path recorded) {
        static final String API = "https://kubernetes.default.svc";
        static final Path SA = Path.of("/var/run/secrets/kubernetes.io/serviceaccount");

        Object pods() throws IOException {
            return get("pods.json", "/api/v1/pods?labelSelector=acgs2.io%2Ftenant");
        }

        Object residency() throws IOException {
            return get("residency.json", "/api/v1/namespaces/" + System.getenv().getOrDefault("RESIDENCY_NAMESPACE", "acgs2-system")
                    + "/configmaps/tenant-residency-config");
        }

        Object mirrors() throws IOException {
            return get("mirrors.json", "/apis/kafka.strimzi.io/v1/namespaces/kafka/kafkamirrormaker2s");
        }

        Object get(String file, String path) throws IOException {
            if (recorded != null) {
                return read(recorded, file);
            }
            try {
                var token = Files.readString(SA.resolve("token")).trim();
                var ssl = javax.net.ssl.SSLContext.getInstance("TLS");
                var ks = java.security.KeyStore.getInstance(java.security.KeyStore.getDefaultType());
                ks.load(null);
                try (var in = Files.newInputStream(SA.resolve("ca.crt"))) {
                    int i = 0;
                    for (var cert : java.security.cert.CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                        ks.setCertificateEntry("ca" + i++, cert);
                    }
                }
                var tmf = javax.net.ssl.TrustManagerFactory.getInstance(javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
                tmf.init(ks);
                ssl.init(null, tmf.getTrustManagers(), null);
                var client = HttpClient.newBuilder().sslContext(ssl).build();
                var response = client.send(HttpRequest.newBuilder(URI.create(API + path)).header("Authorization", "Bearer " + token).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 404) {
                    return Map.of();
                }
                if (response.statusCode() != 200) {
                    throw new IOException(path + ": HTTP " + response.statusCode() + " " + response.body());
                }
                return Json.parse(response.body());
            } catch (IOException e) {
                throw e;
            } catch (Exception e) {
                throw new IOException(path + ": " + e, e);
            }
        }
    }

    /** JSON, as the APIs answer it: objects, arrays, strings, numbers, true/false/null. */
    static final class Json {
        private final String s;
        private int i;

        private Json(String s) {
            this.s = s;
        }

        static Object parse(String text) {
            var p = new Json(text);
            p.ws();
            var v = p.value();
            p.ws();
            if (p.i != p.s.length()) {
                throw new IllegalArgumentException("trailing text at " + p.i);
            }
            return v;
        }

        private void ws() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }

        private Object value() {
            ws();
            var c = s.charAt(i);
            if (c == '{') {
                var m = new LinkedHashMap<String, Object>();
                i++;
                ws();
                if (s.charAt(i) == '}') {
                    i++;
                    return m;
                }
                while (true) {
                    ws();
                    var k = string();
                    ws();
                    expect(':');
                    m.put(k, value());
                    ws();
                    if (s.charAt(i) == ',') {
                        i++;
                    } else {
                        expect('}');
                        return m;
                    }
                }
            }
            if (c == '[') {
                var l = new ArrayList<Object>();
                i++;
                ws();
                if (s.charAt(i) == ']') {
                    i++;
                    return l;
                }
                while (true) {
                    l.add(value());
                    ws();
                    if (s.charAt(i) == ',') {
                        i++;
                    } else {
                        expect(']');
                        return l;
                    }
                }
            }
            if (c == '"') {
                return string();
            }
            if (s.startsWith("true", i)) {
                i += 4;
                return true;
            }
            if (s.startsWith("false", i)) {
                i += 5;
                return false;
            }
            if (s.startsWith("null", i)) {
                i += 4;
                return null;
            }
            var start = i;
            while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
                i++;
            }
            if (start == i) {
                throw new IllegalArgumentException("unexpected '" + c + "' at " + i);
            }
            return Double.parseDouble(s.substring(start, i));
        }

        private String string() {
            expect('"');
            var b = new StringBuilder();
            while (s.charAt(i) != '"') {
                var c = s.charAt(i++);
                if (c == '\\') {
                    var e = s.charAt(i++);
                    switch (e) {
                        case 'n' -> b.append('\n');
                        case 't' -> b.append('\t');
                        case 'r' -> b.append('\r');
                        case 'b' -> b.append('\b');
                        case 'f' -> b.append('\f');
                        case 'u' -> {
                            b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                            i += 4;
                        }
                        default -> b.append(e);
                    }
                } else {
                    b.append(c);
                }
            }
            i++;
            return b.toString();
        }

        private void expect(char c) {
            if (i >= s.length() || s.charAt(i) != c) {
                throw new IllegalArgumentException("expected '" + c + "' at " + i);
            }
            i++;
        }

        static String write(Object o) {
            if (o == null) {
                return "null";
            }
            if (o instanceof Map<?, ?> m) {
                var parts = new ArrayList<String>();
                m.forEach((k, v) -> parts.add(quote(String.valueOf(k)) + ":" + write(v)));
                return "{" + String.join(",", parts) + "}";
            }
            if (o instanceof List<?> l) {
                return "[" + String.join(",", l.stream().map(Json::write).toList()) + "]";
            }
            if (o instanceof Boolean || o instanceof Number) {
                return String.valueOf(o);
            }
            return quote(String.valueOf(o));
        }

        private static String quote(String s) {
            var b = new StringBuilder("\"");
            for (var c : s.toCharArray()) {
                switch (c) {
                    case '"' -> b.append("\\\"");
                    case '\\' -> b.append("\\\\");
                    case '\n' -> b.append("\\n");
                    default -> {
                        if (c < 0x20) {
                            b.append(String.format("\\u%04x", (int) c));
                        } else {
                            b.append(c);
                        }
                    }
                }
            }
            return b.append('"').toString();
        }
    }
}
