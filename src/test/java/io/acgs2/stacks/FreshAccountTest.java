package io.acgs2.stacks;

import io.acgs2.testing.Fixtures;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.acgs2.testing.Fixtures.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What AWS would refuse on the first `up` in a fresh account, read off the shipped fleet's plan. */
class FreshAccountTest {

    /**
     * KMS rejects a key policy whose Principal names an IAM role that does not exist
     * (MalformedPolicyDocumentException: invalid principals). Service-linked roles appear only when
     * their service is first used, often after the key that must name them, so no Principal may name
     * one; a wildcard Principal is held to the account by kms:CallerAccount.
     */
    @Test
    void noKeyPolicyNamesAServiceLinkedRoleAsPrincipal() {
        var problems = new ArrayList<String>();
        int keys = 0;
        for (var plan : Fixtures.shippedPlans().values()) {
            for (var key : plan.ofType("aws:kms/key:Key")) {
                keys++;
                for (var st : json(key.inputs().get("policy")).get("Statement")) {
                    var principal = st.path("Principal").path("AWS");
                    var values = new ArrayList<String>();
                    if (principal.isArray()) {
                        principal.forEach(p -> values.add(p.asText()));
                    } else if (!principal.isMissingNode()) {
                        values.add(principal.asText());
                    }
                    for (var v : values) {
                        if (v.contains(":role/aws-service-role/")) {
                            problems.add(plan.stack() + " " + key.name() + " " + st.path("Sid").asText() + ": names " + v);
                        }
                        if (v.equals("*") && !st.path("Condition").path("StringEquals").has("kms:CallerAccount")) {
                            problems.add(plan.stack() + " " + key.name() + " " + st.path("Sid").asText()
                                    + ": a wildcard principal without kms:CallerAccount");
                        }
                    }
                }
            }
        }
        assertTrue(keys > 10, "every key of the fleet is read");
        assertEquals(List.of(), problems);
    }
}
