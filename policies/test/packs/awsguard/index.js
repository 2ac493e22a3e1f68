// Pulumi's published AWS Guard pack, every policy mandatory: the offline gate must run it as the
// Pulumi policy analyzer would (`node dist/src/gate.js --pack test/packs/awsguard PLAN.json`).
const { AwsGuard } = require("@pulumi/awsguard");

// Except acm-certificate-expiration: it calls ACM's DescribeCertificate with each certificate's ARN,
// which a certificate the stack is about to create does not have yet (a real preview fails the same
// way, with no account offline even more so); ACM renews the front door's DNS-validated certificates
// itself while their validation records stay.
new AwsGuard({ all: "mandatory", acmCertificateExpiration: "disabled" });
