// The operations layer's rules (policies/README.md, "Operations"): every data store is backed up, no
// backup copy leaves its zone, and a production stack's alarms reach someone. The conventions they read
// are the program's: tags acgs2:data-domain and acgs2:data-zone on the stores and the backup plans,
// tag acgs2:paging on the paging topics.
import { Policies } from "@pulumi/policy";

import { T as DS } from "./datastores";
import { asArray, dependsOn, get, isUnknown, ofType, residencyPolicy, stackPolicy, tagsOf } from "./util";

export const T = {
    plan: "aws:backup/plan:Plan",
    selection: "aws:backup/selection:Selection",
    topic: "aws:sns/topic:Topic",
    subscription: "aws:sns/topicSubscription:TopicSubscription",
} as const;

const TAG_DOMAIN = "acgs2:data-domain";
const TAG_ZONE = "acgs2:data-zone";
const TAG_PAGING = "acgs2:paging";

function tag(props: any, key: string): string | undefined {
    const tags = tagsOf(props);
    const v = typeof tags === "object" ? tags[key] : undefined;
    return typeof v === "string" && !isUnknown(v) ? v : undefined;
}

export const dataStoreHasBackupPlan = stackPolicy({
    name: "data-store-has-backup-plan",
    description: "Every data domain with a store in the stack has an AWS Backup plan (tagged with the domain), and every " +
        "domain bucket is in one of the stack's backup selections: nothing stateful goes unbacked (acgs2; the ACGS-2 " +
        "guides' 30-day backups).",
    check: (resources, args, report) => {
        const stores = [...ofType(resources, DS.bucket), ...ofType(resources, DS.rdsCluster)].filter(s => tag(s.props, TAG_DOMAIN));
        if (stores.length === 0) {
            args.notApplicable("No data domain store in the stack");
        }
        const plans = ofType(resources, T.plan);
        const selections = ofType(resources, T.selection);
        for (const s of stores) {
            const domain = tag(s.props, TAG_DOMAIN)!;
            if (!plans.some(p => tag(p.props, TAG_DOMAIN) === domain)) {
                report(`${s.type} ${s.name} of domain ${domain} has no backup plan tagged ${TAG_DOMAIN}=${domain} in the stack.`, s.urn);
            }
            if (s.type !== DS.bucket) {
                continue; // a global database is backed up in its writer region (one point, from the primary)
            }
            const bucket = get(s.props, "bucket");
            const selected = selections.some(sel => {
                const arns = get(sel.props, "resources");
                if (isUnknown(arns)) {
                    return dependsOn(sel, s);
                }
                return asArray(arns).some(a => typeof a === "string" && (isUnknown(a) || a === `arn:aws:s3:::${bucket}`))
                    || (asArray(arns).some(isUnknown) && dependsOn(sel, s));
            });
            if (!selected && !isUnknown(bucket)) {
                report(`Bucket ${s.name} of domain ${domain} is in no backup selection of the stack.`, s.urn);
            }
        }
    },
});

export const backupCopyStaysInZone = residencyPolicy({
    name: "backup-copy-stays-in-zone",
    description: `Every AWS Backup plan declares its domain's zone (${TAG_ZONE}), and every copy action of its rules goes to a ` +
        "vault in a region of that zone: a restricted zone's backups never leave it (acgs2 residency baseline).",
    check: (resources, args, report, cfg) => {
        const plans = ofType(resources, T.plan);
        if (plans.length === 0) {
            args.notApplicable("No backup plans in the stack");
        }
        for (const p of plans) {
            const zone = tag(p.props, TAG_ZONE);
            if (zone === undefined) {
                report(`Backup plan ${p.name} declares no ${TAG_ZONE}: tag it with its domain's zone.`, p.urn);
                continue;
            }
            const regions = cfg.zones[zone];
            if (!regions) {
                report(`Backup plan ${p.name} declares unknown zone ${zone}.`, p.urn);
                continue;
            }
            for (const rule of asArray(get(p.props, "rules"))) {
                for (const copy of asArray(get(rule, "copyActions"))) {
                    const arn = get(copy, "destinationVaultArn");
                    if (isUnknown(arn)) {
                        continue;
                    }
                    const region = /^arn:[a-z-]+:backup:([a-z0-9-]+):/.exec(String(arn))?.[1];
                    if (region === undefined) {
                        if (cfg.restrictedZones.includes(zone)) {
                            report(`Backup plan ${p.name} (restricted zone ${zone}) copies to ${String(arn)}, whose region cannot be proven.`, p.urn);
                        }
                    } else if (!regions.includes(region)) {
                        report(`Backup plan ${p.name} (zone ${zone}) copies to a vault in ${region}, outside the zone (${regions.join(", ")}).`, p.urn);
                    }
                }
            }
        }
    },
});

export const alarmTopicSubscribedInProduction = stackPolicy({
    name: "alarm-topic-subscribed-in-production",
    description: `In a production stack (a paging topic tagged ${TAG_PAGING}=production) every SNS topic has a subscription: ` +
        "an alarm nobody receives is no alarm (acgs2; the ACGS-2 guides' paging per region).",
    check: (resources, args, report) => {
        const topics = ofType(resources, T.topic);
        if (!topics.some(t => tag(t.props, TAG_PAGING) === "production")) {
            args.notApplicable("Not a production stack");
        }
        const subscriptions = ofType(resources, T.subscription);
        for (const t of topics) {
            const subscribed = subscriptions.some(s => dependsOn(s, t) || (get(s.props, "topic") !== undefined
                && get(s.props, "topic") === get(t.props, "arn")));
            if (!subscribed) {
                report(`Topic ${t.name} of a production stack has no subscription: subscribe the on-call (acgs2-infra:paging).`, t.urn);
            }
        }
    },
});

export const operationsPolicies: Policies = [
    dataStoreHasBackupPlan,
    backupCopyStaysInZone,
    alarmTopicSubscribedInProduction,
];
