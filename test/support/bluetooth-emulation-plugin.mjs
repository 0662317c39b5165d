// Placeholder: replaced by the BluetoothEmulation/DeviceAccess server-command plugin.
export function bluetoothEmulationPlugin() {
  return { name: 'bluetooth-emulation' };
}
