package io.acgs2.components.wiring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AccessPolicyTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void eachStatementNamesItsResourceAndTheKeyIsUsableOnlyThroughS3() throws Exception {
        var doc = JSON.readTree(AccessPolicy.document("aws", "eu-west-1", "111122223333",
                List.of(new AccessPolicy.Database("gdpr-tenants", "cluster-ABC", "svc_claude_flow")),
                List.of(new AccessPolicy.Bucket("gdpr-tenants", "arn:aws:s3:::acgs2-gdpr-tenants-eu-west-1-111122223333",
                                "arn:aws:kms:eu-west-1:111122223333:key/k1", StoreAccess.READ),
                        new AccessPolicy.Bucket("platform", "arn:aws:s3:::acgs2-platform-eu-west-1-111122223333",
                                "arn:aws:kms:eu-west-1:111122223333:key/k2", StoreAccess.READ_WRITE))).orElseThrow());
        var statements = doc.get("Statement");
        assertEquals("ConnectGdprTenants", statements.get(0).get("Sid").asText());
        assertEquals("[\"rds-db:connect\"]", statements.get(0).get("Action").toString());
        assertEquals("[\"arn:aws:rds-db:eu-west-1:111122223333:dbuser:cluster-ABC/svc_claude_flow\"]",
                statements.get(0).get("Resource").toString());
        assertEquals("[\"s3:GetObject\",\"s3:GetObjectVersion\"]", statement(doc, "ObjectsGdprTenants").get("Action").toString());
        assertEquals("[\"s3:GetObject\",\"s3:GetObjectVersion\",\"s3:PutObject\",\"s3:DeleteObject\",\"s3:AbortMultipartUpload\"]",
                statement(doc, "ObjectsPlatform").get("Action").toString());
        assertEquals("[\"kms:Decrypt\"]", statement(doc, "KeyGdprTenants").get("Action").toString());
        assertEquals("[\"kms:Decrypt\",\"kms:GenerateDataKey\"]", statement(doc, "KeyPlatform").get("Action").toString());
        assertEquals("s3.eu-west-1.amazonaws.com", statement(doc, "KeyPlatform").at("/Condition/StringEquals/kms:ViaService").asText());
        var sids = new ArrayList<String>();
        for (var s : statements) {
            // IAM: a Sid is letters and digits only, unique in the policy
            assertTrue(s.get("Sid").asText().matches("^[A-Za-z0-9]+$"), s.toString());
            assertFalse(sids.contains(s.get("Sid").asText()));
            sids.add(s.get("Sid").asText());
            for (var r : s.get("Resource")) {
                // no wildcard where a resource can be named: only an object key within a named bucket
                assertFalse(r.asText().equals("*") || r.asText().contains("*") && !r.asText().endsWith("/*"), r.asText());
            }
            assertFalse(s.get("Action").toString().contains("*"), s.toString());
        }
    }

    @Test
    void aServiceWithNeitherDatabaseNorBucketNeedsNoPolicy() {
        assertTrue(AccessPolicy.document("aws", "us-east-1", "1", List.of(), List.of()).isEmpty());
    }

    @Test
    void namesAreWhatIamAndPostgresAccept() {
        assertEquals("GdprTenants", AccessPolicy.sid("gdpr-tenants"));
        assertEquals("svc_claude_flow", AccessPolicy.databaseUser("claude-flow"));
        assertTrue(DatabaseGrants.PLAIN.matcher(AccessPolicy.databaseUser("a-b-c-1")).matches());
        // IAM's inline policies of a role total at most 10,240 characters: ten domains with every store fit
        var dbs = new ArrayList<AccessPolicy.Database>();
        var buckets = new ArrayList<AccessPolicy.Bucket>();
        for (int i = 0; i < 10; i++) {
            dbs.add(new AccessPolicy.Database("domain-number-" + i, "cluster-ABCDEFGHIJKLMNOPQRSTUVWXYZ", "svc_a_forty_character_service_name_here"));
            buckets.add(new AccessPolicy.Bucket("domain-number-" + i, "arn:aws:s3:::acgs2-domain-number-" + i + "-ap-southeast-1-111122223333",
                    "arn:aws:kms:ap-southeast-1:111122223333:key/12345678-1234-1234-1234-123456789012", StoreAccess.READ_WRITE));
        }
        var size = AccessPolicy.document("aws", "ap-southeast-1", "111122223333", dbs, buckets).orElseThrow().replaceAll("\\s", "").length();
        assertTrue(size <= 10_240, "policy of " + size + " characters");
    }

    static JsonNode statement(JsonNode doc, String sid) {
        for (var s : doc.get("Statement")) {
            if (s.get("Sid").asText().equals(sid)) {
                return s;
            }
        }
        throw new AssertionError("no statement " + sid + " in " + doc);
    }
}
