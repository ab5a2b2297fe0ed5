import type { FieldMapBuilder } from "./prepared";

/** Mandatory label SIDs (Security 4688) → the names Sysmon writes in IntegrityLevel. */
const INTEGRITY_LEVELS: Readonly<Record<string, string>> = {
  "S-1-16-0": "Untrusted",
  "S-1-16-4096": "Low",
  "S-1-16-8192": "Medium",
  "S-1-16-12288": "High",
  "S-1-16-16384": "System",
  "S-1-16-20480": "Protected",
};

/** Well-known service accounts as Sysmon's User shows them (4688 gives the machine account instead). */
const WELL_KNOWN_ACCOUNTS: Readonly<Record<string, string>> = {
  "S-1-5-18": "NT AUTHORITY\\SYSTEM",
  "S-1-5-19": "NT AUTHORITY\\LOCAL SERVICE",
  "S-1-5-20": "NT AUTHORITY\\NETWORK SERVICE",
};

const text = (builder: FieldMapBuilder, name: string): string | undefined => {
  const value = builder.fields.get(name)?.text;
  return value && value !== "-" ? value : undefined;
};

/**
 * Security 4688 carries Sysmon's process-creation facts in other shapes. Adds Sysmon-style values under
 * Sysmon names (the raw fields stay): IntegrityLevel as [name, SID] from MandatoryLabel, and User as
 * DOMAIN\name of the new process's account (Target* when Windows wrote one, else Subject*), plus the bare
 * name, so rules written for either form match.
 */
export function addProcessCreationValues(
  builder: FieldMapBuilder,
  channel: string,
  eventId: number | undefined,
) {
  if (eventId !== 4688 || channel.toLowerCase() !== "security") return;
  const label = text(builder, "MandatoryLabel");
  if (label) {
    const name = INTEGRITY_LEVELS[label.toUpperCase()];
    builder.alias("IntegrityLevel", name ? [name, label] : [label]);
  }
  const target = text(builder, "TargetUserName") && text(builder, "TargetUserSid") !== "S-1-0-0";
  const prefix = target ? "Target" : "Subject";
  const account = text(builder, `${prefix}UserName`);
  const sid = text(builder, target ? "TargetUserSid" : "SubjectUserSid");
  const domain = text(builder, `${prefix}DomainName`);
  const known = sid ? WELL_KNOWN_ACCOUNTS[sid] : undefined;
  if (known) builder.alias("User", [known, account ?? known]);
  else if (account) builder.alias("User", domain ? [`${domain}\\${account}`, account] : [account]);
}
