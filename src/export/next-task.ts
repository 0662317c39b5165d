// A break between pieces of long work (runs of a zip, runs written to a backup folder), so the
// page draws and answers between them. A message rather than a timer: timers in a hidden tab run
// once a second, which would make 300 runs take five minutes.
export const nextTask = (): Promise<void> =>
  new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
