package io.acgs2.components.operations;

import com.pulumi.aws.sns.TopicPolicy;
import com.pulumi.aws.sns.TopicPolicyArgs;
import com.pulumi.aws.sns.TopicSubscription;
import com.pulumi.aws.sns.TopicSubscriptionArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.ProviderResource;
import io.acgs2.components.common.AlarmTopic;
import io.acgs2.components.common.AwsFacts;
import io.acgs2.components.common.Json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A region's paging: an SNS topic per severity ({@code critical}, {@code warning}), each encrypted
 * with its own rotating key that its publishers may use, a topic policy that lets exactly
 * CloudWatch alarms, the region's Amazon Managed Service for Prometheus workspace (its alert
 * manager) and AWS Backup of this account publish, over TLS only; and the configured subscriptions
 * (email, or an HTTPS endpoint such as the PagerDuty Events API), their endpoints kept secret. The
 * region's other alarm topics (the replication alarms', the front door's) get the subscriptions that
 * receive {@code critical}: they carry paging alarms.
 */
public class Paging extends ComponentResource {

    public static final String TYPE = "acgs2:operations:Paging";
    /** Tag on the paging topics: whether the stack is production (the gate then requires subscriptions). */
    public static final String TAG_PAGING = "acgs2:paging";
    static final List<String> PUBLISHERS = List.of("cloudwatch.amazonaws.com", "aps.amazonaws.com", "backup.amazonaws.com");

    /** The topic of each severity. */
    public final Map<String, Output<String>> topicArns;

    /** Another alarm topic of the region to subscribe (with its provider when it lives in another region). */
    public record OtherTopic(Output<String> arn, ProviderResource provider) {
    }

    public Paging(String name, String region, AwsFacts facts, PagingSettings settings, Output<Map<String, String>> endpoints,
                  Output<String> workspaceArn, Map<String, OtherTopic> otherTopics, ComponentResourceOptions options) {
        super(TYPE, name, options);
        var arns = new TreeMap<String, Output<String>>();
        for (var severity : PagingSettings.SEVERITIES) {
            // the topic's tags name its severity and whether a pager must be subscribed (the gate reads them)
            var topic = AlarmTopic.create(name + "-" + severity, "the " + severity + " alerts of " + region, facts, this, null, PUBLISHERS,
                    Map.of(TAG_PAGING, settings.production() ? "production" : "non-production", "acgs2:severity", severity));
            new TopicPolicy(name + "-" + severity + "-policy", TopicPolicyArgs.builder()
                    .arn(topic.topic().arn())
                    .policy(Output.tuple(topic.topic().arn(), facts.accountId(), facts.partition(), workspaceArn)
                            .applyValue(t -> topicPolicy(t.t1, t.t3, t.t2, t.t4)))
                    .build(), CustomResourceOptions.builder().parent(topic.topic()).build());
            arns.put(severity, topic.topic().arn());
        }
        this.topicArns = java.util.Collections.unmodifiableSortedMap(arns);
        for (var s : settings.subscriptions().values()) {
            var endpoint = endpoints.applyValue(m -> {
                var e = m.get(s.name());
                if (e == null) {
                    throw new IllegalStateException("acgs2-infra:pagingEndpoints has no endpoint for subscription " + s.name()
                            + ": add it with pulumi config set --secret acgs2-infra:pagingEndpoints '{\"" + s.name() + "\": ...}'");
                }
                return e;
            }).asSecret();
            for (var severity : s.severities()) {
                subscribe(name + "-" + s.name() + "-" + severity, arns.get(severity), s, endpoint, null);
            }
            if (s.severities().contains(PagingSettings.CRITICAL)) {
                otherTopics.forEach((topic, other) -> subscribe(name + "-" + s.name() + "-" + topic, other.arn(), s, endpoint, other.provider()));
            }
        }
        this.registerOutputs(Map.of("topicArns", Output.of(new LinkedHashMap<String, Object>(arns))));
    }

    private void subscribe(String name, Output<String> topicArn, PagingSettings.Subscription s, Output<String> endpoint,
                           ProviderResource provider) {
        var options = CustomResourceOptions.builder().parent(this);
        if (provider != null) {
            options.provider(provider);
        }
        new TopicSubscription(name, TopicSubscriptionArgs.builder()
                .topic(topicArn)
                .protocol(s.protocol())
                .endpoint(endpoint)
                .build(), options.build());
    }

    /**
     * The account manages the topic; CloudWatch alarms and AWS Backup of the account, and the
     * region's Prometheus workspace, publish; nothing publishes without TLS.
     */
    static String topicPolicy(String topicArn, String partition, String accountId, String workspaceArn) {
        var statements = new ArrayList<Object>();
        statements.add(Map.of("Sid", "AccountManages", "Effect", "Allow",
                "Principal", Map.of("AWS", "arn:" + partition + ":iam::" + accountId + ":root"),
                "Action", List.of("sns:GetTopicAttributes", "sns:SetTopicAttributes", "sns:Subscribe", "sns:ListSubscriptionsByTopic",
                        "sns:Publish", "sns:DeleteTopic", "sns:AddPermission", "sns:RemovePermission"),
                "Resource", topicArn));
        statements.add(Map.of("Sid", "CloudWatchAlarms", "Effect", "Allow", "Principal", Map.of("Service", "cloudwatch.amazonaws.com"),
                "Action", "sns:Publish", "Resource", topicArn, "Condition", Map.of("StringEquals", Map.of("aws:SourceAccount", accountId))));
        statements.add(Map.of("Sid", "BackupNotifications", "Effect", "Allow", "Principal", Map.of("Service", "backup.amazonaws.com"),
                "Action", "sns:Publish", "Resource", topicArn, "Condition", Map.of("StringEquals", Map.of("aws:SourceAccount", accountId))));
        statements.add(Map.of("Sid", "PrometheusAlertManager", "Effect", "Allow", "Principal", Map.of("Service", "aps.amazonaws.com"),
                "Action", List.of("sns:Publish", "sns:GetTopicAttributes"), "Resource", topicArn,
                "Condition", Map.of("ArnEquals", Map.of("aws:SourceArn", workspaceArn),
                        "StringEquals", Map.of("AWS:SourceAccount", accountId))));
        statements.add(Map.of("Sid", "TlsOnly", "Effect", "Deny", "Principal", "*", "Action", "sns:Publish", "Resource", topicArn,
                "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false"))));
        return Json.write(Map.of("Version", "2012-10-17", "Statement", statements));
    }
}
