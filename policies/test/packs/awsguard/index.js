// Pulumi's published AWS Guard pack, every policy mandatory: the offline gate must run it as the
// Pulumi policy analyzer would (`node dist/src/gate.js --pack test/packs/awsguard PLAN.json`).
const { AwsGuard } = require("@pulumi/awsguard");

new AwsGuard({ all: "mandatory" });
