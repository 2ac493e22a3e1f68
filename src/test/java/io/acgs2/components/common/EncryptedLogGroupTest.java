package io.acgs2.components.common;

import com.pulumi.resources.ComponentResource;
import org.junit.jupiter.api.Test;

import static io.acgs2.testing.Fixtures.one;
import static io.acgs2.testing.Fixtures.statement;
import static io.acgs2.testing.Fixtures.runInRegion;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EncryptedLogGroupTest {

    @Test
    void aRotatingKeyScopedToTheLogGroupsAndALogGroupKeptOnDestroyUnderTheCallersComponent() {
        var plan = runInRegion("eu-west-1", r -> {
            var owner = new ComponentResource("test:index:Owner", "owner", r.opts());
            EncryptedLogGroup.builder()
                    .keyName("owner-logs-key")
                    .aliasName("alias/acgs2/owner/logs")
                    .logGroupResourceName("owner-logs")
                    .logGroupName("/aws/eks/c1/cluster")
                    .logGroupPattern("/aws/eks/c1/*")
                    .retentionDays(731)
                    .facts(r.facts())
                    .parent(owner)
                    .build();
        });
        var owner = one(plan, "test:index:Owner", "owner");
        var key = one(plan, "aws:kms/key:Key", "owner-logs-key");
        var group = one(plan, "aws:cloudwatch/logGroup:LogGroup", "owner-logs");
        assertEquals(owner.urn(), key.parent());
        assertEquals(owner.urn(), group.parent());
        assertEquals(key.urn(), one(plan, "aws:kms/alias:Alias", "owner-logs-key").parent());
        assertEquals(true, key.inputs().get("enableKeyRotation"));
        assertTrue(key.retainOnDelete(), "the key outlives the stack by default");
        // protected, not retained: a log group left behind under its fixed name blocks the next create
        assertTrue(group.protect(), "audit evidence is protected by default");
        assertFalse(group.retainOnDelete(), "a retained log group would make a re-create fail with ResourceAlreadyExists");
        assertEquals(731L, group.inputs().get("retentionInDays"));
        assertTrue(group.dependencies().contains(key.urn()));
        var use = statement(key.inputs().get("policy"), "CloudWatchLogsUse");
        assertEquals("logs.eu-west-1.amazonaws.com", use.get("Principal").get("Service").asText());
        assertEquals("arn:aws:logs:eu-west-1:123456789012:log-group:/aws/eks/c1/*",
                use.get("Condition").get("ArnLike").get("kms:EncryptionContext:aws:logs:arn").asText());
    }

    @Test
    void missingPiecesAreNamedTogether() {
        var e = assertThrows(IllegalArgumentException.class, () -> EncryptedLogGroup.builder().keyName("k").build());
        for (var field : new String[]{"aliasName", "logGroupResourceName", "logGroupName", "retentionDays", "facts", "parent"}) {
            assertTrue(e.getMessage().contains(field + ": is required"), e.getMessage());
        }
    }
}
