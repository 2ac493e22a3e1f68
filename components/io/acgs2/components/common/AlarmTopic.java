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
        var options = CustomResourceOptions.builder().parent(parent);
        if (provider != null) {
            options.provider(provider);
        }
        var inParent = options.build();
        var key = new Key(name + "-key", KeyArgs.builder()
                .description("Encrypts " + description)
                .enableKeyRotation(true)
                .deletionWindowInDays(30)
                .policy(Output.tuple(facts.accountId(), facts.partition()).applyValue(t -> keyPolicy(t.t2, t.t1)))
                .tags(Tags.name(name + "-key"))
                .build(), inParent);
        var inKey = CustomResourceOptions.builder().parent(key);
        if (provider != null) {
            inKey.provider(provider);
        }
        new Alias(name + "-key", AliasArgs.builder().name("alias/acgs2/" + name).targetKeyId(key.keyId()).build(), inKey.build());
        var topic = new Topic(name + "-topic", TopicArgs.builder()
                .kmsMasterKeyId(key.arn())
                .tags(Tags.name(name + "-topic"))
                .build(), inParent);
        return new AlarmTopic(key, topic);
    }

    /** Account admins manage the key; CloudWatch alarms of this account may use it to publish to the topic. */
    public static String keyPolicy(String partition, String accountId) {
        return Json.write(Map.of("Version", "2012-10-17", "Statement", List.of(
                Map.of("Sid", "AccountAdministration", "Effect", "Allow",
                        "Principal", Map.of("AWS", "arn:" + partition + ":iam::" + accountId + ":root"),
                        "Action", "kms:*", "Resource", "*"),
                Map.of("Sid", "CloudWatchAlarmsPublish", "Effect", "Allow",
                        "Principal", Map.of("Service", "cloudwatch.amazonaws.com"),
                        "Action", List.of("kms:Decrypt", "kms:GenerateDataKey*"), "Resource", "*",
                        "Condition", Map.of("StringEquals", Map.of("aws:SourceAccount", accountId))))));
    }
}
