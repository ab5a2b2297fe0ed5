import { accountRemovalRenderer } from "./account-removal";
import { applicationRenderer } from "./application";
import { defenderRenderer } from "./defender";
import { deviceRenderer } from "./device";
import { exchangeRenderer } from "./exchange";
import { mssqlRenderer } from "./mssql";
import { ntfsRenderer } from "./ntfs";
import { powershellRenderer } from "./powershell";
import { securityRenderer } from "./security";
import { sysmonRenderer } from "./sysmon";
import { sysmonRawAccessRenderer } from "./sysmon/raw-access";
import { systemRenderer } from "./system";
import { taskSchedulerRenderer } from "./taskscheduler";
import type { Renderer } from "./types";
import { wmiRenderer } from "./wmi";

/**
 * Every renderer, in the order they render an action (Sysmon before Security for the same action).
 * Add a renderer: write renderers/<source>/index.ts exporting a `Renderer`, then add it here.
 */
export const renderers: readonly Renderer[] = [
  sysmonRenderer,
  securityRenderer,
  systemRenderer,
  powershellRenderer,
  taskSchedulerRenderer,
  wmiRenderer,
  sysmonRawAccessRenderer,
  applicationRenderer,
  deviceRenderer,
  defenderRenderer,
  ntfsRenderer,
  mssqlRenderer,
  exchangeRenderer,
  accountRemovalRenderer,
];
