import { defineTemplate } from "../../event";

/** Application-log events: Windows Error Reporting crashes, CveEventWrite reports, Software Restriction Policies. */

export const APPLICATION_CHANNEL = "Application";

const crashFields = [
  "AppName",
  "AppVersion",
  "AppTimeStamp",
  "ModuleName",
  "ModuleVersion",
  "ModuleTimeStamp",
  "ExceptionCode",
  "FaultingOffset",
  "ProcessId",
  "ProcessCreationTime",
  "AppPath",
  "ModulePath",
  "IntegratorReportId",
  "PackageFullName",
  "PackageRelativeAppId",
];

/**
 * 1000 "Faulting application name: …" as Windows 10 / Server writes it: the classic "Application Error" event
 * source (Qualifiers 0, the Classic keyword, no provider GUID, empty Security and Execution) with 15 unnamed
 * insertion strings in the order of `crashFields`.
 */
export const applicationErrorClassic = defineTemplate({
  key: "application/1000",
  provider: { name: "Application Error" },
  eventId: 1000,
  qualifiers: 0,
  version: 0,
  level: 2,
  task: 100,
  opcode: 0,
  keywords: "0x80000000000000",
  channel: APPLICATION_CHANNEL,
  fields: crashFields.map(() => ""),
});

/** The same event from the manifest-based provider Windows 11 uses: named Data, the WER writer and the user. */
export const applicationErrorManifest = defineTemplate({
  key: "application/1000-manifest",
  provider: { name: "Application Error", guid: "A0E9B465-B939-57D7-B27D-95D8E925FF57" },
  eventId: 1000,
  version: 0,
  level: 2,
  task: 100,
  opcode: 0,
  keywords: "0x8000000000000000",
  channel: APPLICATION_CHANNEL,
  fields: crashFields,
});

/** Audit-CVE 1 "Possible detection of CVE: %1": written in the calling process when it calls CveEventWrite. */
export const auditCve = defineTemplate({
  key: "application/audit-cve-1",
  provider: { name: "Microsoft-Windows-Audit-CVE", guid: "85A62A0D-7E17-485F-9D4F-749A287193A6" },
  eventId: 1,
  version: 0,
  level: 3,
  task: 0,
  opcode: 0,
  keywords: "0x8000000000000000",
  channel: APPLICATION_CHANNEL,
  fields: ["CVEID", "AdditionalDetails"],
});

const srpProvider = {
  name: "Microsoft-Windows-SoftwareRestrictionPolicies",
  guid: "7D29D58A-931A-40AC-8743-48C733045548",
} as const;

function srp(eventId: number, fields: string[]) {
  return defineTemplate({
    key: `application/srp-${eventId}`,
    provider: srpProvider,
    eventId,
    version: 0,
    level: 3,
    task: 0,
    opcode: 0,
    keywords: "0x8000000000000000",
    channel: APPLICATION_CHANNEL,
    fields,
  });
}

/** SRP blocks: 865 default level, 866 path rule, 867 publisher rule, 868 hash (or other) rule. */
export const SRP = {
  default: srp(865, ["AttemptedPath"]),
  path: srp(866, ["AttemptedPath", "SrpRuleGuid:guid", "RulePath"]),
  publisher: srp(867, ["AttemptedPath"]),
  hash: srp(868, ["AttemptedPath", "SrpRuleGuid:guid"]),
} as const;

export const applicationTemplates = [
  applicationErrorClassic,
  applicationErrorManifest,
  auditCve,
  ...Object.values(SRP),
] as const;
