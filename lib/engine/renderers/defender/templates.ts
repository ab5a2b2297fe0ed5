import { defineTemplate, type EventTemplate } from "../../event";

/**
 * Microsoft Defender Antivirus events ("Microsoft-Windows-Windows Defender/Operational"), written by MsMpEng.exe
 * as SYSTEM. Version 0, task 0, opcode 0, keyword 0x8000000000000000 for all of them; the level follows the
 * manifest (detections are warnings, configuration changes information). Field names and order as current
 * platforms (4.18.2x) write them, including the "Unused" placeholders of the detection template.
 */

export const DEFENDER_CHANNEL = "Microsoft-Windows-Windows Defender/Operational";

const provider = {
  name: "Microsoft-Windows-Windows Defender",
  guid: "11CD958A-C507-4EF3-B3F2-5FD9DFBD2C78",
} as const;

const product = ["Product Name", "Product Version"];

function defender(eventId: number, level: number, fields: readonly string[]): EventTemplate {
  return defineTemplate({
    key: `defender/${eventId}`,
    provider,
    eventId,
    version: 0,
    level,
    task: 0,
    opcode: 0,
    keywords: "0x8000000000000000",
    channel: DEFENDER_CHANNEL,
    fields,
  });
}

/** The threat-state template shared by 1116 (detected) and 1117 (action taken). */
export const threatFields = [
  ...product,
  "Detection ID",
  "Detection Time",
  "Unused",
  "Unused2",
  "Threat ID",
  "Threat Name",
  "Severity ID",
  "Severity Name",
  "Category ID",
  "Category Name",
  "FWLink",
  "Status Code",
  "Status Description",
  "State",
  "Source ID",
  "Source Name",
  "Process Name",
  "Detection User",
  "Unused3",
  "Path",
  "Origin ID",
  "Origin Name",
  "Execution ID",
  "Execution Name",
  "Type ID",
  "Type Name",
  "Pre Execution Status",
  "Action ID",
  "Action Name",
  "Unused4",
  "Error Code",
  "Error Description",
  "Unused5",
  "Post Clean Status",
  "Additional Actions ID",
  "Additional Actions String",
  "Remediation User",
  "Unused6",
  "Security intelligence Version",
  "Engine Version",
] as const;

/** 1116 MALWAREPROTECTION_STATE_MALWARE_DETECTED (Warning). */
export const malwareDetected = defender(1116, 3, threatFields);
/** 1117 MALWAREPROTECTION_STATE_MALWARE_ACTION_TAKEN (Information). */
export const malwareActionTaken = defender(1117, 4, threatFields);
/** 5001 MALWAREPROTECTION_RTP_DISABLED "Real-time Protection scanning … was disabled." */
export const rtpDisabled = defender(5001, 4, product);
/** 5007 MALWAREPROTECTION_CONFIG_CHANGED: "<key>\<value> = 0x1" before and after ("Default\…" when unset). */
export const configChanged = defender(5007, 4, [...product, "Old Value", "New Value"]);
/** 5013 Tamper Protection blocked a change: the value it kept, "<key>\<value> = (Current)". */
export const tamperBlocked = defender(5013, 4, [...product, "Changed Type", "Value"]);

export const defenderTemplates: readonly EventTemplate[] = [
  malwareDetected,
  malwareActionTaken,
  rtpDisabled,
  configChanged,
  tamperBlocked,
];
