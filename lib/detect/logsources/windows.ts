/**
 * Which Windows events a Sigma logsource sees, as data: Sysmon event IDs per category, Security-log
 * equivalents with their field mappings, and the channel of each service.
 */
export const SYSMON_CHANNEL = "Microsoft-Windows-Sysmon/Operational";
export const SECURITY_CHANNEL = "Security";
export const POWERSHELL_CHANNELS = ["Microsoft-Windows-PowerShell/Operational", "PowerShellCore/Operational"];
export const POWERSHELL_CLASSIC_CHANNEL = "Windows PowerShell";

/** Sysmon event IDs per Sigma category (plus an EventType filter where one ID carries several kinds). */
export const SYSMON_CATEGORIES: Readonly<Record<string, { eventIds: number[]; eventTypes?: string[] }>> = {
  process_creation: { eventIds: [1] },
  file_change: { eventIds: [2] },
  network_connection: { eventIds: [3] },
  sysmon_status: { eventIds: [4, 16] },
  process_termination: { eventIds: [5] },
  driver_load: { eventIds: [6] },
  image_load: { eventIds: [7] },
  create_remote_thread: { eventIds: [8] },
  raw_access_thread: { eventIds: [9] },
  raw_access_read: { eventIds: [9] },
  process_access: { eventIds: [10] },
  file_event: { eventIds: [11] },
  registry_add: { eventIds: [12], eventTypes: ["CreateKey"] },
  registry_delete: { eventIds: [12], eventTypes: ["DeleteKey", "DeleteValue"] },
  registry_set: { eventIds: [13] },
  registry_rename: { eventIds: [14] },
  registry_event: { eventIds: [12, 13, 14] },
  create_stream_hash: { eventIds: [15] },
  pipe_created: { eventIds: [17, 18] },
  wmi_event: { eventIds: [19, 20, 21] },
  dns_query: { eventIds: [22] },
  file_delete: { eventIds: [23, 26] },
  file_delete_detected: { eventIds: [26] },
  clipboard_capture: { eventIds: [24] },
  process_tampering: { eventIds: [25] },
  file_block_executable: { eventIds: [27] },
  file_block_shredding: { eventIds: [28] },
  file_executable_detected: { eventIds: [29] },
  sysmon_error: { eventIds: [255] },
};

/** Security-log events that carry the same facts as a Sysmon category, with rule field → event field. */
export const SECURITY_CATEGORIES: Readonly<
  Record<string, { eventIds: number[]; fieldMap: Record<string, string> }>
> = {
  process_creation: {
    eventIds: [4688],
    fieldMap: {
      Image: "NewProcessName",
      ParentImage: "ParentProcessName",
      ProcessId: "NewProcessId",
      ParentProcessId: "ProcessId",
      LogonId: "SubjectLogonId",
      // Derived from MandatoryLabel and the Subject/Target account when the event is read (events/security.ts).
      IntegrityLevel: "IntegrityLevel",
      User: "User",
      CommandLine: "CommandLine",
    },
  },
  process_termination: {
    eventIds: [4689],
    fieldMap: { Image: "ProcessName", ProcessId: "ProcessId", User: "SubjectUserName" },
  },
  registry_set: {
    eventIds: [4657],
    fieldMap: {
      TargetObject: "ObjectName",
      Details: "NewValue",
      Image: "ProcessName",
      ProcessId: "ProcessId",
      User: "SubjectUserName",
    },
  },
  registry_event: {
    eventIds: [4657],
    fieldMap: {
      TargetObject: "ObjectName",
      Details: "NewValue",
      Image: "ProcessName",
      ProcessId: "ProcessId",
      User: "SubjectUserName",
    },
  },
  network_connection: {
    eventIds: [5156],
    fieldMap: {
      DestinationIp: "DestAddress",
      DestinationPort: "DestPort",
      SourceIp: "SourceAddress",
      SourcePort: "SourcePort",
      Image: "Application",
      ProcessId: "ProcessID",
      Protocol: "Protocol",
    },
  },
  file_access: {
    eventIds: [4663],
    fieldMap: {
      TargetFilename: "ObjectName",
      Image: "ProcessName",
      ProcessId: "ProcessId",
      User: "SubjectUserName",
    },
  },
};

/** Generic Windows categories that live in one channel under fixed event IDs. */
export const CHANNEL_CATEGORIES: Readonly<Record<string, { channels: string[]; eventIds: number[] }>> = {
  ps_script: { channels: POWERSHELL_CHANNELS, eventIds: [4104] },
  ps_module: { channels: POWERSHELL_CHANNELS, eventIds: [4103] },
  ps_classic_start: { channels: [POWERSHELL_CLASSIC_CHANNEL], eventIds: [400] },
  ps_classic_provider_start: { channels: [POWERSHELL_CLASSIC_CHANNEL], eventIds: [600] },
  ps_classic_script: { channels: [POWERSHELL_CLASSIC_CHANNEL], eventIds: [800] },
  dns_query_client: { channels: ["Microsoft-Windows-DNS Client Events/Operational"], eventIds: [3008] },
};

/** Sigma service → Windows event log channel(s) (pySigma's table, widened to every service in SigmaHQ). */
export const SERVICE_CHANNELS: Readonly<Record<string, string[]>> = {
  security: [SECURITY_CHANNEL],
  system: ["System"],
  application: ["Application"],
  sysmon: [SYSMON_CHANNEL],
  powershell: POWERSHELL_CHANNELS,
  "powershell-classic": [POWERSHELL_CLASSIC_CHANNEL],
  taskscheduler: ["Microsoft-Windows-TaskScheduler/Operational"],
  wmi: ["Microsoft-Windows-WMI-Activity/Operational"],
  "dns-server": ["DNS Server"],
  "dns-server-audit": ["Microsoft-Windows-DNS-Server/Audit"],
  "dns-server-analytic": ["Microsoft-Windows-DNS-Server/Analytical"],
  "dns-client": ["Microsoft-Windows-DNS Client Events/Operational"],
  "driver-framework": ["Microsoft-Windows-DriverFrameworks-UserMode/Operational"],
  ntlm: ["Microsoft-Windows-NTLM/Operational"],
  dhcp: ["Microsoft-Windows-DHCP-Server/Operational"],
  "msexchange-management": ["MSExchange Management"],
  applocker: [
    "Microsoft-Windows-AppLocker/EXE and DLL",
    "Microsoft-Windows-AppLocker/MSI and Script",
    "Microsoft-Windows-AppLocker/Packaged app-Deployment",
    "Microsoft-Windows-AppLocker/Packaged app-Execution",
  ],
  "printservice-admin": ["Microsoft-Windows-PrintService/Admin"],
  "printservice-operational": ["Microsoft-Windows-PrintService/Operational"],
  "codeintegrity-operational": ["Microsoft-Windows-CodeIntegrity/Operational"],
  "smbclient-security": ["Microsoft-Windows-SmbClient/Security"],
  "smbclient-connectivity": ["Microsoft-Windows-SmbClient/Connectivity"],
  "smbserver-connectivity": ["Microsoft-Windows-SMBServer/Connectivity"],
  "firewall-as": ["Microsoft-Windows-Windows Firewall With Advanced Security/Firewall"],
  "bits-client": ["Microsoft-Windows-Bits-Client/Operational"],
  windefend: ["Microsoft-Windows-Windows Defender/Operational"],
  "terminalservices-localsessionmanager": [
    "Microsoft-Windows-TerminalServices-LocalSessionManager/Operational",
  ],
  "microsoft-servicebus-client": ["Microsoft-ServiceBus-Client"],
  ldap: ["Microsoft-Windows-LDAP-Client/Debug"],
  ldap_debug: ["Microsoft-Windows-LDAP-Client/Debug"],
  "iis-configuration": ["Microsoft-IIS-Configuration/Operational"],
  "appxdeployment-server": ["Microsoft-Windows-AppXDeploymentServer/Operational"],
  "appxpackaging-om": ["Microsoft-Windows-AppxPackaging/Operational"],
  "appmodel-runtime": ["Microsoft-Windows-AppModel-Runtime/Admin"],
  "shell-core": ["Microsoft-Windows-Shell-Core/Operational"],
  "certificateservicesclient-lifecycle-system": [
    "Microsoft-Windows-CertificateServicesClient-Lifecycle-System/Operational",
  ],
  "security-mitigations": [
    "Microsoft-Windows-Security-Mitigations/Kernel Mode",
    "Microsoft-Windows-Security-Mitigations/User Mode",
  ],
  "lsa-server": ["Microsoft-Windows-LSA/Operational"],
  capi2: ["Microsoft-Windows-CAPI2/Operational"],
  openssh: ["OpenSSH/Operational"],
  "diagnosis-scripted": ["Microsoft-Windows-Diagnosis-Scripted/Operational"],
  "kernel-shimengine": ["Microsoft-Windows-Kernel-ShimEngine/Operational"],
  vhdmp: ["Microsoft-Windows-VHDMP/Operational"],
  "hyper-v-worker": ["Microsoft-Windows-Hyper-V-Worker-Admin"],
  bitlocker: ["Microsoft-Windows-BitLocker/BitLocker Management"],
};
