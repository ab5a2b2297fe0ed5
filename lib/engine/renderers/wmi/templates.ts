import { defineTemplate } from "../../event";

/**
 * 5861 Operation_ESStoConsumerBinding: WMI's event subsystem (ESS) logs a permanent event consumer bound to a
 * filter. Level 0, Keywords 0x4000000000000000 (the Operational channel bit), fields under UserData.
 */
export const consumerBinding = defineTemplate({
  key: "wmi/5861",
  provider: { name: "Microsoft-Windows-WMI-Activity", guid: "1418EF04-B0B4-4623-BF7E-D74AB47BBDAA" },
  eventId: 5861,
  version: 0,
  level: 0,
  task: 0,
  opcode: 0,
  keywords: "0x4000000000000000",
  channel: "Microsoft-Windows-WMI-Activity/Operational",
  userData: {
    element: "Operation_ESStoConsumerBinding",
    xmlns: "http://manifests.microsoft.com/win/2006/windows/WMI",
  },
  fields: ["Namespace", "ESS", "CONSUMER", "PossibleCause"],
});

export const wmiTemplates = [consumerBinding] as const;
