import { defineTemplate } from "../../event";

/**
 * Ntfs 55 "A corruption was discovered in the file system structure on volume %1.%n%n%8" in the System
 * channel, as Windows 8 and later write it: the manifest provider named plain "Ntfs" (not
 * Microsoft-Windows-Ntfs, which writes 98 and the Operational channel), from a kernel worker of the System
 * process. Description (%8) is the expanded text of the corruption kind (Verb), Origin who found it. Field
 * order and System part as in a real event (EvtxECmd's Ntfs 55 map, Windows Server 2019).
 */
export const ntfsCorruption = defineTemplate({
  key: "system/ntfs-55",
  provider: { name: "Ntfs", guid: "DD70BC80-EF44-421B-8AC3-CD31DA613A4E" },
  eventId: 55,
  version: 0,
  level: 2,
  task: 0,
  opcode: 0,
  keywords: "0x8000000000000000",
  channel: "System",
  fields: [
    "DriveName",
    "DeviceName",
    "CorruptionState:hex",
    "HeaderFlags:hex",
    "Severity",
    "Origin",
    "Verb",
    "Description",
    "Signature:hex",
    "Outcome",
    "SampleLength:int",
    "SampleData:binary",
    "SourceFile:hex",
    "SourceLine:int",
    "SourceTag:int",
    "AdditionalInfo:hex",
    "CallStack",
  ],
});

export const ntfsTemplates = [ntfsCorruption] as const;

/** The message-table text for a corrupted file record (two spaces between sentences, as ntfs.sys has it). */
export function corruptedRecordText(fileReference: string, fileName: string): string {
  return (
    "The Master File Table (MFT) contains a corrupted file record.  " +
    `The file reference number is ${fileReference}.  The name of the file is "${fileName}".`
  );
}
