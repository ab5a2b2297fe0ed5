import type { ActionOf } from "../../actions";
import type { FieldValue } from "../../event";
import type { RenderContext, Renderer, ResolvedAction } from "../types";
import {
  deviceInstallBlocked,
  deviceRecognized,
  deviceTemplates,
  DRIVER_FRAMEWORKS_CHANNEL,
  umdfLoadDrivers,
} from "./templates";

/** A USB device plugged in: PnP enumerates its device nodes (6416 each), or policy refuses the first one (6423). */

const CLASS = {
  usb: ["{36fc9e60-c465-11cf-8056-444553540000}", "USB"],
  disk: ["{4d36e967-e325-11ce-bfc1-08002be10318}", "DiskDrive"],
  volume: ["{71a27cdd-812a-11d0-bec7-08002be2092f}", "Volume"],
  wpd: ["{eec5ad98-8080-425f-922a-dabf3de3f69a}", "WPD"],
  hid: ["{745a17a0-74d3-11d0-b6fe-00a0c90f57da}", "HIDClass"],
  keyboard: ["{4d36e96b-e325-11ce-bfc1-08002be10318}", "Keyboard"],
  net: ["{4d36e972-e325-11ce-bfc1-08002be10318}", "Net"],
} as const;

/** One PnP device node: instance ID, description, class, hardware and compatible IDs, location. */
interface DeviceNode {
  id: string;
  description: string;
  cls: readonly [string, string];
  hardwareIds: string[];
  compatibleIds: string[];
  location: string;
}

/** Well-known devices of each kind: a SanDisk stick, a keystroke-injection board, a USB NIC implant. */
const DEFAULTS = {
  "usb-storage": {
    vid: "0781",
    pid: "5583",
    rev: "0100",
    vendor: "SanDisk",
    product: "Ultra_Fit",
    prodRev: "1.00",
  },
  "usb-keyboard": { vid: "03EB", pid: "2401", rev: "0100", vendor: "", product: "", prodRev: "" },
  "usb-ethernet": { vid: "0BDA", pid: "8152", rev: "2000", vendor: "", product: "", prodRev: "" },
} as const;

function usbIds(vid: string, pid: string, rev: string): string[] {
  return [`USB\\VID_${vid}&PID_${pid}&REV_${rev}`, `USB\\VID_${vid}&PID_${pid}`];
}

export function deviceNodes(a: ActionOf<"device.connect">, serial: string, port: number): DeviceNode[] {
  const d = DEFAULTS[a.device];
  const vid = (a.vendorId ?? d.vid).toUpperCase();
  const pid = (a.productId ?? d.pid).toUpperCase();
  const usbId = `USB\\VID_${vid}&PID_${pid}\\${serial}`;
  const location = `Port_#${String(port).padStart(4, "0")}.Hub_#0001`;
  const usb = (description: string, cls: readonly [string, string], compatible: string[]): DeviceNode => ({
    id: usbId,
    description,
    cls,
    hardwareIds: usbIds(vid, pid, d.rev),
    compatibleIds: compatible,
    location,
  });
  switch (a.device) {
    case "usb-storage": {
      const pad = (s: string, n: number) => s.padEnd(n, "_");
      const disk = `USBSTOR\\DISK&VEN_${d.vendor.toUpperCase()}&PROD_${d.product.toUpperCase()}&REV_${d.prodRev}\\${serial}&0`;
      const volumeOf = `_??_USBSTOR#DISK&VEN_${d.vendor.toUpperCase()}&PROD_${d.product.toUpperCase()}&REV_${d.prodRev}#${serial}&0#{53f56307-b6bf-11d0-94f2-00a0c91efb8b}`;
      return [
        usb("USB Mass Storage Device", CLASS.usb, [
          "USB\\Class_08&SubClass_06&Prot_50",
          "USB\\Class_08&SubClass_06",
          "USB\\Class_08",
        ]),
        {
          id: disk,
          description: "Disk drive",
          cls: CLASS.disk,
          hardwareIds: [
            `USBSTOR\\Disk${pad(d.vendor, 8)}${pad(d.product, 16)}${d.prodRev}`,
            `USBSTOR\\Disk${pad(d.vendor, 8)}${pad(d.product, 16)}`,
            `USBSTOR\\Disk${pad(d.vendor, 8)}`,
            "USBSTOR\\GenDisk",
            "GenDisk",
          ],
          compatibleIds: ["USBSTOR\\Disk", "USBSTOR\\RAW", "GenDisk"],
          location: "-",
        },
        {
          id: `STORAGE\\VOLUME\\${volumeOf}`,
          description: "Volume",
          cls: CLASS.volume,
          hardwareIds: ["STORAGE\\Volume"],
          compatibleIds: ["-"],
          location: "-",
        },
      ];
    }
    case "usb-keyboard":
      return [
        usb("USB Input Device", CLASS.hid, [
          "USB\\Class_03&SubClass_01&Prot_01",
          "USB\\Class_03&SubClass_01",
          "USB\\Class_03",
        ]),
        {
          id: `HID\\VID_${vid}&PID_${pid}\\7&${serial.slice(0, 8).toLowerCase()}&0&0000`,
          description: "HID Keyboard Device",
          cls: CLASS.keyboard,
          hardwareIds: [
            `HID\\VID_${vid}&PID_${pid}&REV_${d.rev}`,
            `HID\\VID_${vid}&PID_${pid}`,
            "HID_DEVICE_SYSTEM_KEYBOARD",
          ],
          compatibleIds: ["HID_DEVICE_SYSTEM_KEYBOARD", "HID_DEVICE_UP:0001_U:0006", "HID_DEVICE"],
          location: "-",
        },
      ];
    case "usb-ethernet":
      return [
        usb("Realtek USB FE Family Controller", CLASS.net, [
          "USB\\Class_ff&SubClass_ff&Prot_00",
          "USB\\Class_ff&SubClass_ff",
          "USB\\Class_ff",
        ]),
      ];
  }
}

function render(r: ResolvedAction, ctx: RenderContext): void {
  if (r.action.kind !== "device.connect") return;
  const a = r.action;
  const system: FieldValue[] = ["S-1-5-18", `${r.host.name}$`, ctx.world.domain.netbios, "0x3e7"];
  const serial = a.serial ?? ctx.rng.hex(20).toUpperCase();
  const nodes = deviceNodes(a, serial, ctx.rng.int(1, 6));
  // Multi-string IDs print one after another, separated by spaces.
  const ids = (list: string[]) => list.join(" ");
  let offsetUs = 0;
  for (const node of a.blocked ? nodes.slice(0, 1) : nodes) {
    const [classId, className] = node.cls;
    ctx.emit(
      deviceRecognized,
      [
        ...system,
        node.id,
        node.description,
        classId,
        className,
        ids(node.hardwareIds),
        ids(node.compatibleIds),
        node.location,
      ],
      { offsetUs },
    );
    offsetUs += ctx.rng.int(30_000, 400_000);
  }
  if (a.blocked) {
    const n = nodes[0];
    ctx.emit(
      deviceInstallBlocked,
      [...system, n.id, n.description, n.cls[0], ids(n.hardwareIds), ids(n.compatibleIds), n.location],
      { offsetUs },
    );
    return;
  }
  // A mounted USB volume gets a WPD node whose driver runs in the UMDF host (WUDFHost.exe).
  if (a.device === "usb-storage") {
    const volume = nodes[nodes.length - 1].id.replace(/^STORAGE\\VOLUME\\/, "");
    ctx.emit(umdfLoadDrivers, [ctx.rng.guid(), `WPDBUSENUMROOT\\UMB\\2&37C186B&0&STORAGE#VOLUME#${volume}`], {
      offsetUs: offsetUs + ctx.rng.int(200_000, 900_000),
      userId: "S-1-5-19",
    });
  }
}

export const deviceRenderer: Renderer = {
  id: "device",
  channels: ["Security", DRIVER_FRAMEWORKS_CHANNEL],
  handles: ["device.connect"],
  templates: deviceTemplates,
  render,
};
