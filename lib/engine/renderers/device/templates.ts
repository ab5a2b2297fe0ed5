import { defineTemplate } from "../../event";

/** Plug and Play audit events (Security, "Audit PNP Activity") and the UMDF host log a USB volume wakes. */

const security = {
  name: "Microsoft-Windows-Security-Auditing",
  guid: "54849625-5478-4994-A5BA-3E3B0328C30D",
} as const;
const subject = ["SubjectUserSid:sid", "SubjectUserName", "SubjectDomainName", "SubjectLogonId:hex"];
/** Task 13316 "Plug and Play Events". */
const PNP_TASK = 13316;

/** 6416 "A new external device was recognized by the system." One per device node PnP enumerates. */
export const deviceRecognized = defineTemplate({
  key: "security/6416",
  provider: security,
  eventId: 6416,
  version: 1,
  level: 0,
  task: PNP_TASK,
  opcode: 0,
  keywords: "0x8020000000000000",
  channel: "Security",
  fields: [
    ...subject,
    "DeviceId",
    "DeviceDescription",
    "ClassId",
    "ClassName",
    "VendorIds",
    "CompatibleIds",
    "LocationInformation",
  ],
});

/** 6423 "The installation of this device is forbidden by system policy." */
export const deviceInstallBlocked = defineTemplate({
  key: "security/6423",
  provider: security,
  eventId: 6423,
  version: 0,
  level: 0,
  task: PNP_TASK,
  opcode: 0,
  keywords: "0x8020000000000000",
  channel: "Security",
  fields: [
    ...subject,
    "DeviceId",
    "DeviceDescription",
    "ClassId",
    "HardwareIds",
    "CompatibleIds",
    "LocationInformation",
  ],
});

export const DRIVER_FRAMEWORKS_CHANNEL = "Microsoft-Windows-DriverFrameworks-UserMode/Operational";

/** 2003 "The UMDF Host Process ({LifetimeId}) has been asked to load drivers for device {InstanceId}." */
export const umdfLoadDrivers = defineTemplate({
  key: "driverframeworks/2003",
  provider: {
    name: "Microsoft-Windows-DriverFrameworks-UserMode",
    guid: "2E35AAEB-857F-4BEB-A418-2E6C0E54D988",
  },
  eventId: 2003,
  version: 1,
  level: 4,
  task: 33,
  opcode: 1,
  keywords: "0x8000000000000000",
  channel: DRIVER_FRAMEWORKS_CHANNEL,
  fields: ["LifetimeId:guid", "InstanceId"],
  userData: {
    element: "UMDFHostDeviceArrivalBegin",
    xmlns: "http://www.microsoft.com/DriverFrameworks/UserMode/Event",
  },
});

export const deviceTemplates = [deviceRecognized, deviceInstallBlocked, umdfLoadDrivers] as const;
