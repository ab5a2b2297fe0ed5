import { defineTemplate } from "../../event";

/**
 * Security 4725 "A user account was disabled." and 4726 "A user account was deleted." (User Account
 * Management, task 13824, version 0, Audit Success), fields in the manifest's order: target, then subject;
 * 4726 ends with PrivilegeList ("-").
 */
const base = {
  provider: { name: "Microsoft-Windows-Security-Auditing", guid: "54849625-5478-4994-A5BA-3E3B0328C30D" },
  version: 0,
  level: 0,
  task: 13824,
  opcode: 0,
  keywords: "0x8020000000000000",
  channel: "Security",
} as const;

const target = ["TargetUserName", "TargetDomainName", "TargetSid:sid"];
const subject = ["SubjectUserSid:sid", "SubjectUserName", "SubjectDomainName", "SubjectLogonId:hex"];

export const userDisabled = defineTemplate({
  ...base,
  key: "security/4725",
  eventId: 4725,
  fields: [...target, ...subject],
});

export const userDeleted = defineTemplate({
  ...base,
  key: "security/4726",
  eventId: 4726,
  fields: [...target, ...subject, "PrivilegeList"],
});

export const accountRemovalTemplates = [userDisabled, userDeleted] as const;
