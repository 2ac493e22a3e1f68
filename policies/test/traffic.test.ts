import * as assert from "node:assert/strict";
import { describe, it } from "node:test";

import { dnsRecordStaysInZone, latencyRecordHasHealthCheck, publicEndpointWafAndTls, T } from "../src/traffic";
import { check, checkStack, messages, mk, NotApplicable, U } from "./helpers";

const ALB = "alb.ingress.kubernetes.io/";
const publicIngress = (patch: Record<string, any> = {}) => {
    const annotations: Record<string, any> = {
        [ALB + "scheme"]: "internet-facing",
        [ALB + "wafv2-acl-arn"]: "arn:aws:wafv2:eu-west-1:123456789012:regional/webacl/acgs2/1",
        [ALB + "certificate-arn"]: "arn:aws:acm:eu-west-1:123456789012:certificate/1",
        [ALB + "listen-ports"]: "[{\"HTTP\": 80}, {\"HTTPS\": 443}]",
        [ALB + "ssl-redirect"]: "443",
        [ALB + "ssl-policy"]: "ELBSecurityPolicy-TLS13-1-2-2021-06",
    };
    for (const [k, v] of Object.entries(patch)) {
        if (v === undefined) {
            delete annotations[ALB + k];
        } else {
            annotations[ALB + k] = v;
        }
    }
    return mk(T.ingress, "public", { metadata: { name: "public", namespace: "acgs2-ingress", annotations } });
};

describe("public-endpoint-waf-and-tls", () => {
    it("passes a public Ingress behind WAF and TLS, and an internal one without either", () => assert.deepEqual(checkStack(publicEndpointWafAndTls, [
        publicIngress(),
        mk(T.ingress, "internal", { metadata: { annotations: { [ALB + "scheme"]: "internal" } } }),
    ]), []));
    it("fails a public Ingress without a web ACL, a certificate or a redirect, or under a TLS 1.0 policy", () => {
        assert.deepEqual(messages(checkStack(publicEndpointWafAndTls, [publicIngress({ "wafv2-acl-arn": undefined })])),
            [`Ingress public makes an internet-facing ALB with no web ACL (${ALB}wafv2-acl-arn).`]);
        assert.deepEqual(messages(checkStack(publicEndpointWafAndTls, [publicIngress({ "certificate-arn": undefined, "listen-ports": "[{\"HTTP\": 80}]" })])),
            [`Ingress public makes an internet-facing ALB with no certificate (${ALB}certificate-arn), no HTTPS listener.`]);
        assert.deepEqual(messages(checkStack(publicEndpointWafAndTls, [publicIngress({ "ssl-redirect": undefined })])),
            [`Ingress public makes an internet-facing ALB with an HTTP listener that does not redirect to HTTPS (${ALB}ssl-redirect).`]);
        assert.deepEqual(messages(checkStack(publicEndpointWafAndTls, [publicIngress({ "ssl-policy": undefined })])),
            [`Ingress public makes an internet-facing ALB with TLS policy (the controller's default, TLS 1.0) allows less than TLS 1.2 (${ALB}ssl-policy).`]);
        assert.equal(messages(checkStack(publicEndpointWafAndTls, [publicIngress({ "ssl-policy": "ELBSecurityPolicy-2016-08" })])).length, 1);
    });
    it("accepts values unknown in a preview", () => assert.deepEqual(checkStack(publicEndpointWafAndTls, [
        publicIngress({ "wafv2-acl-arn": U, "certificate-arn": U }),
    ]).filter(r => r.message.includes("web ACL") || r.message.includes("certificate")), []));
    it("fails an internet-facing LoadBalancer Service and NLB, and a public ALB with no web ACL association", () => {
        const svc = mk(T.service, "api", { spec: { type: "LoadBalancer" },
            metadata: { annotations: { "service.beta.kubernetes.io/aws-load-balancer-scheme": "internet-facing" } } });
        const nlb = mk(T.lb, "nlb", { internal: false, loadBalancerType: "network" });
        const alb = mk(T.lb, "alb", { internal: false, loadBalancerType: "application" });
        assert.deepEqual(messages(checkStack(publicEndpointWafAndTls, [svc, nlb, alb])), [
            "Service api asks for an internet-facing NLB, which no web ACL can protect: route it through the front door.",
            "Load balancer nlb is an internet-facing network load balancer, which no web ACL can protect.",
            "Load balancer alb is internet-facing with no web ACL association.",
        ]);
        const association = mk(T.wafAssociation, "waf", { resourceArn: U, webAclArn: U }, { deps: [alb] });
        assert.deepEqual(checkStack(publicEndpointWafAndTls, [alb, association]), []);
        assert.deepEqual(checkStack(publicEndpointWafAndTls, [mk(T.lb, "internal", { internal: true, loadBalancerType: "network" })]), []);
    });
});

describe("latency-record-has-health-check", () => {
    const rec = (healthCheckId: any) => mk(T.record, "r", { name: "api.example.com", type: "A", setIdentifier: "us-east-1",
        latencyRoutingPolicies: [{ region: "us-east-1" }], healthCheckId }, { region: null });
    it("passes a checked latency record", () => assert.deepEqual(check(latencyRecordHasHealthCheck, rec("hc-1")), []));
    it("accepts an unknown check id", () => assert.deepEqual(check(latencyRecordHasHealthCheck, rec(U)), []));
    it("fails an unchecked one", () => assert.deepEqual(check(latencyRecordHasHealthCheck, rec(undefined)),
        ["Latency record api.example.com (set us-east-1) has no health check: when its region fails, Route 53 keeps answering with it."]));
    it("does not apply to a simple record", () => assert.throws(() => check(latencyRecordHasHealthCheck,
        mk(T.record, "s", { name: "x.example.com", type: "A", records: ["10.0.0.1"] }, { region: null })), NotApplicable));
});

describe("dns-record-stays-in-zone", () => {
    const latency = (name: string, region: string) => mk(T.record, `${name}-${region}`, {
        name, type: "A", setIdentifier: region, latencyRoutingPolicies: [{ region }], healthCheckId: "hc",
        aliases: [{ name: `acgs2-${region}-1.${region}.elb.amazonaws.com`, zoneId: "Z", evaluateTargetHealth: true }],
    }, { region: null });
    it("passes the GDPR hostname in eu-west-1 and the open zone's anywhere in its zone", () => assert.deepEqual(checkStack(dnsRecordStaysInZone, [
        latency("eu.api.acgs2.example.com", "eu-west-1"), latency("api.acgs2.example.com", "us-east-1"),
        latency("eu-west-1.eu.api.acgs2.example.com", "eu-west-1"),
    ]), []));
    it("fails the GDPR hostname, or a name under it, answering with us-east-1", () => {
        const out = messages(checkStack(dnsRecordStaysInZone, [latency("eu.api.acgs2.example.com", "us-east-1")]));
        assert.equal(out.length, 2, out.join("\n")); // the latency region and the alias target's region
        assert.match(out[0], /^Record eu\.api\.acgs2\.example\.com \(zone gdpr's hostname eu\.api\.acgs2\.example\.com\) answers with us-east-1, outside the zone/);
        assert.equal(messages(checkStack(dnsRecordStaysInZone, [mk(T.record, "sub", { name: "us-east-1.eu.api.acgs2.example.com.", type: "A",
            aliases: [{ name: "lb-1.us-east-1.elb.amazonaws.com", zoneId: "Z", evaluateTargetHealth: true }] }, { region: null })])).length, 1);
    });
    it("does not apply without a restricted zone's hostname", () => assert.throws(() => checkStack(dnsRecordStaysInZone,
        [latency("api.acgs2.example.com", "us-east-1")], { "dns-record-stays-in-zone": { properties: {
            zones: { us: ["us-east-1"], gdpr: ["eu-west-1"] }, restrictedZones: ["gdpr"], hostnames: { us: "api.acgs2.example.com" } } } }),
    NotApplicable));
});
