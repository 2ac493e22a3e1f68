package io.acgs2.stacks.failover;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import software.amazon.awssdk.thirdparty.jackson.dataformat.cbor.CBORFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A fake AWS for the failover executor: an in-process HTTP server behind the SDK's endpoint override,
 * answering the calls a failover makes with the response shapes of the API references (RDS and
 * ElastiCache: the query protocol's XML; Route 53: REST XML; CloudWatch: Smithy RPC v2 CBOR), keeping
 * the state they change, and recording every request as "service:Action key=value ...". A
 * switchover or failover leaves its global resource busy for one describe, as AWS leaves it for
 * minutes.
 */
final class FakeAws implements AutoCloseable {

    /** A global database: its members' ARNs, the writer, its status. */
    static final class GlobalDb {
        final List<String> members;
        String writer;
        String status = "available";
        int busy;

        GlobalDb(List<String> members, String writer) {
            this.members = members;
            this.writer = writer;
        }
    }

    /** A global datastore: its members (group → region), the primary group, its status. */
    static final class Datastore {
        final Map<String, String> members;
        String primary;
        String status = "available";
        int busy;

        Datastore(Map<String, String> members, String primary) {
            this.members = members;
            this.primary = primary;
        }
    }

    final Map<String, GlobalDb> databases = new TreeMap<>();
    final Map<String, Datastore> datastores = new TreeMap<>();
    final Map<String, Boolean> healthChecks = new TreeMap<>();
    /** AuroraGlobalDBRPOLag (ms) by cluster identifier; absent: no data points. */
    final Map<String, Double> rpoLagMs = new TreeMap<>();
    final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    private final HttpServer server;

    FakeAws() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The requests that change something (describes and reads left out). */
    List<String> changes() {
        return requests.stream().filter(r -> !r.contains(":Describe") && !r.contains(":Get")).toList();
    }

    private synchronized void handle(HttpExchange x) throws IOException {
        var body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        var path = x.getRequestURI().getPath();
        try {
            if (path.startsWith("/2013-04-01/healthcheck/")) {
                route53(x, path.substring("/2013-04-01/healthcheck/".length()), body);
            } else if (path.contains("/operation/GetMetricStatistics")) {
                cloudwatch(x);
            } else {
                query(x, form(body));
            }
        } catch (RuntimeException e) {
            send(x, 400, "text/xml", "<ErrorResponse><Error><Type>Sender</Type><Code>InvalidParameterValue</Code><Message>"
                    + e.getMessage() + "</Message></Error><RequestId>fake</RequestId></ErrorResponse>");
        }
    }

    private void query(HttpExchange x, Map<String, String> p) throws IOException {
        var action = p.get("Action");
        var rds = "2014-10-31".equals(p.get("Version"));
        var params = new TreeMap<>(p);
        params.remove("Action");
        params.remove("Version");
        requests.add((rds ? "rds:" : "elasticache:") + action + " " + params.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .reduce((a, b) -> a + " " + b).orElse(""));
        var ns = rds ? "http://rds.amazonaws.com/doc/2014-10-31/" : "http://elasticache.amazonaws.com/doc/2015-02-02/";
        String result;
        switch (action) {
            case "DescribeGlobalClusters" -> {
                var db = databases.get(p.get("GlobalClusterIdentifier"));
                result = "<GlobalClusters>" + (db == null ? "" : "<GlobalClusterMember>" + globalCluster(p.get("GlobalClusterIdentifier"), db)
                        + "</GlobalClusterMember>") + "</GlobalClusters>";
                if (db != null && db.busy > 0 && --db.busy == 0) {
                    db.status = "available";
                }
            }
            case "SwitchoverGlobalCluster", "FailoverGlobalCluster" -> {
                var id = p.get("GlobalClusterIdentifier");
                var db = databases.get(id);
                var target = p.get("TargetDbClusterIdentifier");
                if (db == null || !db.members.contains(target)) {
                    throw new IllegalArgumentException("no member " + target + " in global cluster " + id);
                }
                db.writer = target;
                db.status = action.startsWith("Switchover") ? "switching-over" : "failing-over";
                db.busy = 1;
                result = "<GlobalCluster>" + globalCluster(id, db) + "</GlobalCluster>";
            }
            case "DescribeGlobalReplicationGroups" -> {
                var ds = datastores.get(p.get("GlobalReplicationGroupId"));
                result = "<GlobalReplicationGroups>" + (ds == null ? "" : "<GlobalReplicationGroup>"
                        + datastore(p.get("GlobalReplicationGroupId"), ds) + "</GlobalReplicationGroup>") + "</GlobalReplicationGroups>";
                if (ds != null && ds.busy > 0 && --ds.busy == 0) {
                    ds.status = "available";
                }
            }
            case "FailoverGlobalReplicationGroup" -> {
                var id = p.get("GlobalReplicationGroupId");
                var ds = datastores.get(id);
                var group = p.get("PrimaryReplicationGroupId");
                if (ds == null || !p.get("PrimaryRegion").equals(ds.members.get(group))) {
                    throw new IllegalArgumentException("no member " + group + " in " + p.get("PrimaryRegion") + " of " + id);
                }
                ds.primary = group;
                ds.status = "modifying";
                ds.busy = 1;
                result = "<GlobalReplicationGroup>" + datastore(id, ds) + "</GlobalReplicationGroup>";
            }
            default -> throw new IllegalArgumentException("the fake does not know " + action);
        }
        send(x, 200, "text/xml", "<" + action + "Response xmlns=\"" + ns + "\"><" + action + "Result>" + result + "</" + action
                + "Result><ResponseMetadata><RequestId>fake</RequestId></ResponseMetadata></" + action + "Response>");
    }

    private static String globalCluster(String id, GlobalDb db) {
        var b = new StringBuilder("<GlobalClusterIdentifier>" + id + "</GlobalClusterIdentifier><Engine>aurora-postgresql</Engine>"
                + "<Status>" + db.status + "</Status><GlobalClusterMembers>");
        for (var m : db.members) {
            b.append("<GlobalClusterMember><DBClusterArn>").append(m).append("</DBClusterArn><IsWriter>").append(m.equals(db.writer))
                    .append("</IsWriter></GlobalClusterMember>");
        }
        return b.append("</GlobalClusterMembers>").toString();
    }

    private static String datastore(String id, Datastore ds) {
        var b = new StringBuilder("<GlobalReplicationGroupId>" + id + "</GlobalReplicationGroupId><Status>" + ds.status + "</Status><Members>");
        ds.members.forEach((group, region) -> b.append("<GlobalReplicationGroupMember><ReplicationGroupId>").append(group)
                .append("</ReplicationGroupId><ReplicationGroupRegion>").append(region).append("</ReplicationGroupRegion><Role>")
                .append(group.equals(ds.primary) ? "PRIMARY" : "SECONDARY").append("</Role><Status>associated</Status>")
                .append("</GlobalReplicationGroupMember>"));
        return b.append("</Members>").toString();
    }

    private void route53(HttpExchange x, String id, String body) throws IOException {
        if (!healthChecks.containsKey(id)) {
            send(x, 404, "text/xml", "<ErrorResponse><Error><Type>Sender</Type><Code>NoSuchHealthCheck</Code><Message>no " + id
                    + "</Message></Error></ErrorResponse>");
            return;
        }
        String root;
        if (x.getRequestMethod().equals("POST")) {
            var m = Pattern.compile("<Inverted>(true|false)</Inverted>").matcher(body);
            requests.add("route53:UpdateHealthCheck id=" + id + (m.find() ? " Inverted=" + m.group(1) : ""));
            healthChecks.put(id, Boolean.parseBoolean(m.group(1)));
            root = "UpdateHealthCheckResponse";
        } else {
            requests.add("route53:GetHealthCheck id=" + id);
            root = "GetHealthCheckResponse";
        }
        send(x, 200, "text/xml", "<" + root + " xmlns=\"https://route53.amazonaws.com/doc/2013-04-01/\"><HealthCheck><Id>" + id + "</Id>"
                + "<CallerReference>acgs2</CallerReference><HealthCheckConfig><Port>443</Port><Type>HTTPS</Type>"
                + "<FullyQualifiedDomainName>x.example.com</FullyQualifiedDomainName><RequestInterval>30</RequestInterval>"
                + "<FailureThreshold>3</FailureThreshold><Inverted>" + healthChecks.get(id) + "</Inverted></HealthCheckConfig>"
                + "<HealthCheckVersion>1</HealthCheckVersion></HealthCheck></" + root + ">");
    }

    private void cloudwatch(HttpExchange x) throws IOException {
        // the request is CBOR too; the cluster is the one dimension value the failover asks about
        var cluster = rpoLagMs.keySet().stream().findFirst().orElse("");
        requests.add("cloudwatch:GetMetricStatistics AuroraGlobalDBRPOLag");
        var out = new ByteArrayOutputStream();
        try (var g = new CBORFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("Label", "AuroraGlobalDBRPOLag");
            g.writeFieldName("Datapoints");
            g.writeStartArray();
            if (rpoLagMs.containsKey(cluster)) {
                g.writeStartObject();
                g.writeNumberField("Maximum", rpoLagMs.get(cluster));
                g.writeStringField("Unit", "Milliseconds");
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        x.getResponseHeaders().add("smithy-protocol", "rpc-v2-cbor");
        send(x, 200, "application/cbor", out.toByteArray());
    }

    private static Map<String, String> form(String body) {
        var m = new LinkedHashMap<String, String>();
        for (var pair : body.split("&")) {
            var i = pair.indexOf('=');
            if (i > 0) {
                m.put(URLDecoder.decode(pair.substring(0, i), StandardCharsets.UTF_8), URLDecoder.decode(pair.substring(i + 1), StandardCharsets.UTF_8));
            }
        }
        return m;
    }

    private static void send(HttpExchange x, int code, String type, String body) throws IOException {
        send(x, code, type, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange x, int code, String type, byte[] body) throws IOException {
        x.getResponseHeaders().add("Content-Type", type);
        x.getResponseHeaders().add("x-amzn-RequestId", "fake");
        x.sendResponseHeaders(code, body.length);
        try (var os = x.getResponseBody()) {
            os.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
