package io.acgs2.stacks.failover;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;
import software.amazon.awssdk.services.elasticache.ElastiCacheClient;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.route53.Route53Client;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The AWS calls a failover makes, through the AWS SDK for Java v2, one client per service and
 * region (Route 53 is global). {@code endpoint}: every client talks to it instead of AWS (the
 * tests' fake AWS); empty: the real endpoints and the default credentials chain.
 */
public final class AwsApi implements AutoCloseable {

    private final Optional<URI> endpoint;
    private final AwsCredentialsProvider credentials;
    private final Map<String, AutoCloseable> clients = new HashMap<>();

    public AwsApi(Optional<URI> endpoint, AwsCredentialsProvider credentials) {
        this.endpoint = endpoint;
        this.credentials = credentials;
    }

    public static AwsApi real() {
        return new AwsApi(Optional.empty(), DefaultCredentialsProvider.builder().build());
    }

    /** The writer member's cluster ARN and the global cluster's status. */
    public record GlobalCluster(String status, Optional<String> writerArn) {
    }

    /** The primary member's replication group id and the datastore's status. */
    public record GlobalDatastore(String status, Optional<String> primaryGroup) {
    }

    public GlobalCluster describeGlobalCluster(String region, String id) {
        var g = rds(region).describeGlobalClusters(r -> r.globalClusterIdentifier(id)).globalClusters();
        if (g.isEmpty()) {
            throw new IllegalStateException("no global cluster " + id + " in " + region);
        }
        var c = g.get(0);
        return new GlobalCluster(c.status(), c.globalClusterMembers().stream().filter(m -> Boolean.TRUE.equals(m.isWriter()))
                .map(m -> m.dbClusterArn()).findFirst());
    }

    public void switchover(String region, String id, String targetArn) {
        rds(region).switchoverGlobalCluster(r -> r.globalClusterIdentifier(id).targetDbClusterIdentifier(targetArn));
    }

    public void failover(String region, String id, String targetArn) {
        rds(region).failoverGlobalCluster(r -> r.globalClusterIdentifier(id).targetDbClusterIdentifier(targetArn).allowDataLoss(true));
    }

    public GlobalDatastore describeGlobalDatastore(String region, String id) {
        var g = elasticache(region).describeGlobalReplicationGroups(r -> r.globalReplicationGroupId(id).showMemberInfo(true))
                .globalReplicationGroups();
        if (g.isEmpty()) {
            throw new IllegalStateException("no global datastore " + id + " in " + region);
        }
        var d = g.get(0);
        return new GlobalDatastore(d.status(), d.members().stream().filter(m -> "PRIMARY".equalsIgnoreCase(m.role()))
                .map(m -> m.replicationGroupId()).findFirst());
    }

    public void failoverDatastore(String region, String id, String group) {
        elasticache(region).failoverGlobalReplicationGroup(r -> r.globalReplicationGroupId(id).primaryRegion(region)
                .primaryReplicationGroupId(group));
    }

    public boolean healthCheckInverted(String id) {
        return Boolean.TRUE.equals(route53().getHealthCheck(r -> r.healthCheckId(id)).healthCheck().healthCheckConfig().inverted());
    }

    public void invertHealthCheck(String id, boolean inverted) {
        route53().updateHealthCheck(r -> r.healthCheckId(id).inverted(inverted));
    }

    /** The largest AuroraGlobalDBRPOLag of the last five minutes, in seconds; empty without data points. */
    public Optional<Double> rpoLagSeconds(String region, String cluster) {
        var now = Instant.now();
        var points = cloudwatch(region).getMetricStatistics(r -> r.namespace("AWS/RDS").metricName("AuroraGlobalDBRPOLag")
                .dimensions(Dimension.builder().name("DBClusterIdentifier").value(cluster).build())
                .startTime(now.minus(Duration.ofMinutes(5))).endTime(now).period(60).statistics(Statistic.MAXIMUM)).datapoints();
        return points.stream().map(p -> p.maximum()).filter(v -> v != null).max(Double::compare).map(ms -> ms / 1000.0);
    }

    private RdsClient rds(String region) {
        return (RdsClient) clients.computeIfAbsent("rds:" + region, k -> configure(RdsClient.builder(), region).build());
    }

    private ElastiCacheClient elasticache(String region) {
        return (ElastiCacheClient) clients.computeIfAbsent("elasticache:" + region, k -> configure(ElastiCacheClient.builder(), region).build());
    }

    private Route53Client route53() {
        return (Route53Client) clients.computeIfAbsent("route53", k -> configure(Route53Client.builder(), "aws-global").build());
    }

    private CloudWatchClient cloudwatch(String region) {
        return (CloudWatchClient) clients.computeIfAbsent("cloudwatch:" + region, k -> configure(CloudWatchClient.builder(), region).build());
    }

    private <B extends software.amazon.awssdk.awscore.client.builder.AwsClientBuilder<B, ?>> B configure(B builder, String region) {
        builder.region(Region.of(region)).credentialsProvider(credentials);
        endpoint.ifPresent(builder::endpointOverride);
        if (builder instanceof software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder<?, ?> sync) {
            sync.httpClientBuilder(UrlConnectionHttpClient.builder());
        }
        return builder;
    }

    @Override
    public void close() {
        clients.values().forEach(c -> {
            try {
                c.close();
            } catch (Exception ignored) {
                // closing a client frees its connections; nothing to do if that fails
            }
        });
    }
}
