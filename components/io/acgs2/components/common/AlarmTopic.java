package io.acgs2.components.common;

import com.pulumi.aws.kms.Alias;
import com.pulumi.aws.kms.AliasArgs;
import com.pulumi.aws.kms.Key;
import com.pulumi.aws.kms.KeyArgs;
import com.pulumi.aws.sns.Topic;
import com.pulumi.aws.sns.TopicArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.ProviderResource;
import com.pulumi.resources.Resource;

import java.util.List;
import java.util.Map;

/**
 * An SNS topic for CloudWatch alarms, encrypted with its own rotating key that CloudWatch may use
 * (an alarm cannot publish to a topic under the AWS-managed SNS key). Not a component: the key and
 * topic are children of the caller's component.
 *
 * @param key   the topic's key
 * @param topic the topic
 */
public record AlarmTopic(Key key, Topic topic) {

    /**
     * Makes {@code <name>-key} (alias {@code alias/acgs2/<name>}) and {@code <name>-topic} under
     * {@code parent}, in {@code provider}'s region (null: the parent's).
     */
    public static AlarmTopic create(String name, String description, AwsFacts facts, Resource parent, ProviderResource provider) {
        return create(name, description, facts, parent, provider, List.of("cloudwatch.amazonaws.com"));
    }

    /** As above, with the AWS services that publish to the topic (each may use its key). */
    public static AlarmTopic create(String name, String description, AwsFacts facts, Resource parent, ProviderResource provider,
                                    List<String> publishers) {
        return create(name, description, facts, parent, provider, publishers, Map.of());
    }

    /** As above, with more tags on the topic. */
    public static AlarmTopic create(String name, String description, AwsFacts facts, Resource parent, ProviderResource provider,
                                    List<String> publishers, Map<String, String> topicTags) {
        var options = CustomResourceOptions.builder().parent(parent);
        if (provider != null) {
            options.provider(provider);
        }
        var inParent = options.build();
        var key = new Key(name + "-key", KeyArgs.builder()
                .description("Encrypts " + description)
                .enableKeyRotation(true)
                .deletionWindowInDays(30)
                .policy(Output.tuple(facts.accountId(), facts.partition()).applyValue(t -> keyPolicy(t.t2, t.t1, publishers)))
                .tags(Tags.name(name + "-key"))
                .build(), inParent);
        var inKey = CustomResourceOptions.builder().parent(key);
        if (provider != null) {
            inKey.provider(provider);
        }
        new Alias(name + "-key", AliasArgs.builder().name("alias/acgs2/" + name).targetKeyId(key.keyId()).build(), inKey.build());
        var topic = new Topic(name + "-topic", TopicArgs.builder()
                .kmsMasterKeyId(key.arn())
                .tags(topicTags.isEmpty() ? Tags.name(name + "-topic") : withName(name + "-topic", topicTags))
                .build(), inParent);
        return new AlarmTopic(key, topic);
    }

    private static Map<String, String> withName(String name, Map<String, String> tags) {
        var all = new java.util.TreeMap<>(tags);
        all.putAll(Tags.name(name));
        return all;
    }

    /** Account admins manage the key; CloudWatch alarms of this account may use it to publish to the topic. */
    public static String keyPolicy(String partition, String accountId) {
        return keyPolicy(partition, accountId, List.of("cloudwatch.amazonaws.com"));
    }

    /**
     * Account admins manage the key; each publishing service of this account may use it (SNS
     * encrypts with it as the publisher: the publisher needs GenerateDataKey and Decrypt).
     */
    public static String keyPolicy(String partition, String accountId, List<String> publishers) {
        var statements = new java.util.ArrayList<Object>();
        statements.add(Map.of("Sid", "AccountAdministration", "Effect", "Allow",
                "Principal", Map.of("AWS", "arn:" + partition + ":iam::" + accountId + ":root"),
                "Action", "kms:*", "Resource", "*"));
        for (var service : publishers) {
            statements.add(Map.of("Sid", SIDS.getOrDefault(service, "Publish" + service.replaceAll("[^A-Za-z0-9]", "")), "Effect", "Allow",
                    "Principal", Map.of("Service", service),
                    "Action", List.of("kms:Decrypt", "kms:GenerateDataKey*"), "Resource", "*",
                    "Condition", Map.of("StringEquals", Map.of("aws:SourceAccount", accountId))));
        }
        return Json.write(Map.of("Version", "2012-10-17", "Statement", statements));
    }

    private static final Map<String, String> SIDS = Map.of("cloudwatch.amazonaws.com", "CloudWatchAlarmsPublish",
            "aps.amazonaws.com", "ManagedPrometheusPublish", "backup.amazonaws.com", "BackupNotificationsPublish");
}
