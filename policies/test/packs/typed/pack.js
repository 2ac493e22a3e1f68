// A pack in the standard CrossGuard style: policies filtered by resource class. `Key` carries a static
// __pulumiType as SDK-generated classes do; `Vpc` has only isInstance (the SDK's fallback).
const { PolicyPack, validateResourceOfType, validateStackResourcesOfType } = require("@pulumi/policy");

class Key {}
Key.__pulumiType = "aws:kms/key:Key";

class Vpc {
    static isInstance(obj) {
        return obj !== undefined && obj !== null && obj.__pulumiType === "aws:ec2/vpc:Vpc";
    }
}

new PolicyPack("typed-test", {
    policies: [
        {
            name: "typed-key-rotation",
            description: "KMS keys rotate (typed).",
            enforcementLevel: "mandatory",
            validateResource: validateResourceOfType(Key, (key, args, reportViolation) => {
                if (key.enableKeyRotation !== true) {
                    reportViolation(`key ${args.name} does not rotate`);
                }
            }),
        },
        {
            name: "typed-vpc-count",
            description: "Counts VPCs (typed stack policy).",
            configSchema: { properties: { maxVpcs: { type: "integer", default: 0 } } },
            validateStack: validateStackResourcesOfType(Vpc, (vpcs, args, reportViolation) => {
                const { maxVpcs } = args.getConfig();
                if (vpcs.length > maxVpcs) {
                    reportViolation(`${vpcs.length} VPCs, more than ${maxVpcs}`);
                }
            }),
        },
    ],
}, { "typed-vpc-count": { maxVpcs: 1 } });
