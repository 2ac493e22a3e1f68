package io.acgs2.components.traffic;

import com.pulumi.aws.cloudwatch.MetricAlarm;
import com.pulumi.aws.cloudwatch.MetricAlarmArgs;
import com.pulumi.aws.route53.HealthCheck;
import com.pulumi.aws.route53.HealthCheckArgs;
import com.pulumi.aws.route53.Record;
import com.pulumi.aws.route53.RecordArgs;
import com.pulumi.aws.route53.inputs.RecordAliasArgs;
import com.pulumi.aws.route53.inputs.RecordLatencyRoutingPolicyArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import io.acgs2.components.common.AlarmTopic;
import io.acgs2.components.common.Tags;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A region's place in DNS, all of it owned by the region's own stack (a region joining adds its
 * records and check; none of an earlier region's change):
 * <ul>
 *   <li>its own hostname: a simple alias (A, and AAAA when dualstack) to its ALB;</li>
 *   <li>a Route 53 HTTPS health check of that hostname (SNI, the health path, the configured
 *       interval and threshold): it fails when the region's own health service does;</li>
 *   <li>latency records for its zone's hostname (set identifier = region) aliasing the ALB, with
 *       {@code evaluateTargetHealth} and the health check: Route 53 answers with the nearest
 *       healthy region of the zone. A zone's hostname has records only in the zone's regions, so
 *       even when every one of them is unhealthy (Route 53 then answers as if all were healthy) no
 *       answer leaves the zone;</li>
 *   <li>an alarm on the check's {@code HealthCheckStatus} in us-east-1 (Route 53's metrics are only
 *       there), to an encrypted topic there.</li>
 * </ul>
 * Draining ({@link RegionalDnsArgs#drain()}) inverts the check and silences the alarm; nothing is
 * replaced.
 */
public class RegionalDns extends ComponentResource {

    public static final String TYPE = "acgs2:traffic:RegionalDns";

    public final Output<String> healthCheckId;
    public final Output<String> alarmTopicArn;

    public RegionalDns(String name, RegionalDnsArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        var inComponent = CustomResourceOptions.builder().parent(this).build();
        var types = args.ipv6() ? List.of("A", "AAAA") : List.of("A");
        var alias = RecordAliasArgs.builder().name(args.loadBalancerDnsName()).zoneId(args.loadBalancerZoneId())
                .evaluateTargetHealth(true).build();
        for (var type : types) {
            new Record(name + "-regional-" + type.toLowerCase(), RecordArgs.builder()
                    .zoneId(args.zoneId())
                    .name(args.regionalHostname())
                    .type(type)
                    .aliases(alias)
                    .build(), inComponent);
        }
        var check = new HealthCheck(name + "-health", HealthCheckArgs.builder()
                .type("HTTPS")
                .fqdn(args.regionalHostname())
                .port(args.healthCheck().port())
                .resourcePath(args.healthCheck().path())
                .requestInterval(args.healthCheck().intervalSeconds())
                .failureThreshold(args.healthCheck().failureThreshold())
                .enableSni(true)
                .invertHealthcheck(args.drain())
                .tags(Tags.name(name + "-health", Map.of("acgs2:region", args.region())))
                .build(), inComponent);
        for (var type : types) {
            new Record(name + "-latency-" + type.toLowerCase(), RecordArgs.builder()
                    .zoneId(args.zoneId())
                    .name(args.hostname())
                    .type(type)
                    .setIdentifier(args.region())
                    .latencyRoutingPolicies(RecordLatencyRoutingPolicyArgs.builder().region(args.region()).build())
                    .healthCheckId(check.id())
                    .aliases(alias)
                    .build(), inComponent);
        }
        var topic = AlarmTopic.create(name + "-alarms", "the front door alarms of " + args.region(), args.facts(), this,
                args.metricsProvider());
        var actions = topic.topic().arn().applyValue(List::of);
        new MetricAlarm(name + "-health-alarm", MetricAlarmArgs.builder()
                .alarmDescription("The front door of " + args.region() + " (" + args.regionalHostname()
                        + ") fails Route 53's health check: DNS sends its zone's traffic to the zone's other regions")
                .namespace("AWS/Route53")
                .metricName("HealthCheckStatus")
                .dimensions(check.id().applyValue(id -> Map.of("HealthCheckId", id)))
                .statistic("Minimum")
                .period(60)
                .evaluationPeriods(1)
                .threshold(1.0)
                .comparisonOperator("LessThanThreshold")
                .treatMissingData("breaching")
                // a drained region fails on purpose: no page for it
                .actionsEnabled(!args.drain())
                .alarmActions(actions)
                .okActions(actions)
                .tags(Tags.name(name + "-health-alarm"))
                .build(), CustomResourceOptions.builder().parent(this).provider(args.metricsProvider()).build());
        this.healthCheckId = check.id();
        this.alarmTopicArn = topic.topic().arn();
        this.registerOutputs(Map.of("healthCheckId", healthCheckId, "alarmTopicArn", alarmTopicArn));
    }
}
